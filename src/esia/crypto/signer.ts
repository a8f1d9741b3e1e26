// The client_secret signer port: 64-byte GOST signatures in the OpenSSL byte order (domain/esia.md
// §6.1.2) plus the hash that tells ESIA which registered certificate to verify them with (§7).
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  certificateHash,
  gostPrivateKeyInfoFromPem,
  gostPublicKeyInfoFromCertificate,
  pemToDer,
} from "./certificate.ts";
import { gostKeyBits, gostPublicKeyFromPrivate, gostSign } from "./gost.ts";

export interface Signer {
  /** GOST R 34.10-2012 over Streebog-256(message): 64 bytes, OpenSSL order (big-endian s || r). */
  sign(message: Uint8Array): Promise<Uint8Array>;
  /** Upper-case hex Streebog-256 of the certificate DER, sent as client_certificate_hash. */
  certificateHash(): string;
}

/** Signs in-process with node-gost-crypto. Uncertified crypto: fine for tests and the stand-in. */
export function createPureJsSigner(o: { privateKeyPem: string; certificatePem: string }): Signer {
  const certificateDer = pemToDer(o.certificatePem);
  const { publicKey, curve } = gostPublicKeyInfoFromCertificate(certificateDer);
  // ESIA's client_secret is GOST3410_2012_256 only (§6.1.2): a 512-bit key would be refused at login.
  if (gostKeyBits(curve) !== 256) throw new Error("ESIA client certificate must have a 256-bit GOST key");
  const { privateKey } = gostPrivateKeyInfoFromPem(o.privateKeyPem);
  // A key that does not match the certificate would only surface as ESIA-007053 at login; fail at startup.
  if (!Buffer.from(gostPublicKeyFromPrivate(privateKey, curve)).equals(publicKey)) {
    throw new Error("GOST private key does not match the certificate's public key");
  }
  const hash = certificateHash(certificateDer);
  return {
    sign: async (message) => gostSign(privateKey, message, curve),
    certificateHash: () => hash,
  };
}

/**
 * Signs by running an external program (certified CryptoPro CSP, or the openssl CLI), without a shell.
 * `{in}` and `{out}` in the argv are replaced by paths of the message and signature files, which live in
 * a private temporary directory removed afterwards. Examples:
 *
 *   CryptoPro (writes the reversed byte order, so reverseOutput: true):
 *     ["/opt/cprocsp/bin/amd64/csptest", "-keyset", "-sign", "GOST12_256", "-container", "<container>",
 *      "-keytype", "exchange", "-in", "{in}", "-out", "{out}"]   (add "-password", "<pin>" if the key has one)
 *   OpenSSL with the gost engine (OPENSSL_CONF set in the environment; reverseOutput: false):
 *     ["openssl", "dgst", "-md_gost12_256", "-sign", "key.pem", "-out", "{out}", "{in}"]
 */
export function createCommandSigner(o: {
  command: string[];
  reverseOutput: boolean;
  certificatePem: string;
  timeoutMs: number;
}): Signer {
  const [program, ...args] = o.command;
  if (program === undefined) throw new Error("command signer: empty command");
  if (!o.command.some((arg) => arg.includes("{in}")) || !o.command.some((arg) => arg.includes("{out}"))) {
    throw new Error("command signer: the command must contain both {in} and {out}");
  }
  const hash = certificateHash(pemToDer(o.certificatePem));
  return {
    async sign(message) {
      const dir = await mkdtemp(join(tmpdir(), "esia-sign-"));
      try {
        const inPath = join(dir, "message.bin");
        const outPath = join(dir, "signature.bin");
        await writeFile(inPath, message, { mode: 0o600 });
        const substitute = (arg: string) => arg.replaceAll("{in}", inPath).replaceAll("{out}", outPath);
        await run(program, args.map(substitute), o.timeoutMs);
        const signature = new Uint8Array(await readFile(outPath));
        if (signature.length !== 64) {
          throw new Error(`command signer: expected a 64-byte signature, got ${signature.length} bytes`);
        }
        return o.reverseOutput ? signature.reverse() : signature;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    certificateHash: () => hash,
  };
}

// Resolves on exit code 0; otherwise rejects with the tail of stderr (signing tools report PIN and
// container errors there). Output is bounded so a chatty tool cannot grow memory.
function run(program: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ["ignore", "ignore", "pipe"], timeout: timeoutMs });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    child.on("error", (error) =>
      reject(new Error(`command signer: cannot run ${program}: ${error.message}`)),
    );
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else {
        const why = signal ? `killed by ${signal} (timeout ${timeoutMs} ms?)` : `exit code ${code}`;
        reject(new Error(`command signer: ${program} failed, ${why}: ${stderr.trim()}`));
      }
    });
  });
}
