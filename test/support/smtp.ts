// A real SMTP server on loopback for tests (the `smtp-server` package): STARTTLS with a self-signed
// certificate made by OpenSSL for this run, AUTH required, and switches to refuse recipients (5xx or
// 4xx) or to stall in the middle of a letter, the way mail servers misbehave in real life.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  envelopeTo: string[];
  /** The connection had been upgraded with STARTTLS. */
  secure: boolean;
  user: string | undefined;
  raw: string;
  parsed: ParsedMail;
}

export type SmtpBehaviour =
  | { kind: "accept" }
  /** Answers RCPT TO with this code (550: permanent, 451: temporary). */
  | { kind: "refuse"; code: number }
  /** Takes the letter but never answers the end of DATA. */
  | { kind: "stall" };

export interface TestSmtpServer {
  /** `smtp://user:password@127.0.0.1:port`. */
  url: string;
  /** The certificate to trust (SMTP_CA_PEM). */
  caPem: string;
  received: ReceivedMail[];
  /** Letters whose DATA arrived, accepted or not (shows a stalled delivery reached the server). */
  dataStarted: number;
  behave(behaviour: SmtpBehaviour): void;
  /** Back to accepting, with nothing received. */
  reset(): void;
  close(): Promise<void>;
}

export const SMTP_USER = "frmr";
export const SMTP_PASSWORD = "пароль-для-теста";

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const { key, cert } = await selfSignedCertificate();
  let behaviour: SmtpBehaviour = { kind: "accept" };
  const received: ReceivedMail[] = [];
  const state = { dataStarted: 0 };
  const server = new SMTPServer({
    key,
    cert,
    authMethods: ["PLAIN", "LOGIN"],
    // AUTH only after STARTTLS (the package's default, spelled out because the test relies on it).
    allowInsecureAuth: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD)
        return callback(null, { user: auth.username });
      return callback(Object.assign(new Error("Invalid credentials"), { responseCode: 535 }));
    },
    onRcptTo(_address, _session, callback) {
      if (behaviour.kind !== "refuse") return callback();
      const text = behaviour.code >= 500 ? "Mailbox does not exist" : "Try again later";
      return callback(Object.assign(new Error(text), { responseCode: behaviour.code }));
    },
    onData(stream, session, callback) {
      state.dataStarted++;
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        if (behaviour.kind === "stall") return;
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({
          envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          secure: session.secure,
          user: session.user,
          raw,
          parsed: await simpleParser(raw),
        });
        callback();
      });
    },
  });
  // A client killed mid-letter resets its connection; for this server that is just a lost session.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASSWORD)}@localhost:${port}`,
    caPem: cert,
    received,
    get dataStarted() {
      return state.dataStarted;
    },
    behave: (next) => {
      behaviour = next;
    },
    reset: () => {
      behaviour = { kind: "accept" };
      received.length = 0;
      state.dataStarted = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function selfSignedCertificate(): Promise<{ key: string; cert: string }> {
  const dir = await mkdtemp(join(tmpdir(), "frmr-smtp-"));
  try {
    await promisify(execFile)("openssl", [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
      "-keyout",
      join(dir, "key.pem"),
      "-out",
      join(dir, "cert.pem"),
    ]);
    return {
      key: await readFile(join(dir, "key.pem"), "utf8"),
      cert: await readFile(join(dir, "cert.pem"), "utf8"),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
