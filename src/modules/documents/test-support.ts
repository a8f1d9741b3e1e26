// Test and benchmark support for «Мои документы»: tiny real files of every accepted format, the
// refused kinds, a multipart body builder and the app with a temporary DATA_DIR and a sign-in route.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import PDFDocument from "pdfkit";
import { buildPlatformApp, cookiesFrom, csrfTokenIn } from "../../../test/support/platform.ts";
import type { Database } from "../../db/client.ts";
import type { Deps } from "../../deps.ts";
import type { EsiaPerson } from "../../esia/identity-provider.ts";
import { standinAccounts } from "../../esia-standin/seed.ts";
import type { Clock } from "../../shared/clock.ts";
import { findActiveConsent, insertConsent } from "../consent/consent.repository.ts";
import { consentTextSha256, currentConsentVersion } from "../consent/consent.versions.ts";

/** A hand-built one-page PDF with a correct cross-reference table; `padding` bytes go into its content stream. */
export function samplePdf(padding = 0): Buffer {
  const content = `BT /F1 12 Tf 72 720 Td (Test) Tj ET\n${" ".repeat(padding)}`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
  ];
  let body = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, "latin1");
  const entries = offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** A valid PDF of exactly `size` bytes. */
export function samplePdfOfSize(size: number): Buffer {
  let pdf = samplePdf();
  // The Length number can gain a digit as the padding grows, hence a couple of rounds.
  for (let padding = size - pdf.length; pdf.length !== size; padding += size - pdf.length)
    pdf = samplePdf(padding);
  return pdf;
}

/** A PDF encrypted by pdfkit (RC4/AES with a user password): its trailer carries /Encrypt. */
export async function sampleEncryptedPdf(): Promise<Buffer> {
  const document = new PDFDocument({ userPassword: "secret", ownerPassword: "owner", pdfVersion: "1.7" });
  const chunks: Buffer[] = [];
  document.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => document.on("end", resolve));
  document.text("Защищённый документ");
  document.end();
  await ended;
  return Buffer.concat(chunks);
}

/** A 2×2 RGB PNG, built chunk by chunk with real CRCs and zlib data. */
export function samplePng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
  const rows = Buffer.from([0, 11, 79, 138, 255, 255, 255, 0, 255, 255, 255, 11, 79, 138]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// A 4×4 baseline JPEG encoded by Chromium (canvas.toDataURL), sRGB profile included.
const jpegBase64 =
  "/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAEAAQDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAABf/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AJ8AmNf/2Q==";

export function sampleJpeg(): Buffer {
  return Buffer.from(jpegBase64, "base64");
}

/** The start of a 64-bit Linux executable (ELF header) followed by code-like bytes. */
export function sampleElf(): Buffer {
  const header = Buffer.from([
    0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0,
  ]);
  return Buffer.concat([header, Buffer.alloc(400, 0x90)]);
}

/** A Windows executable: MZ header whose e_lfanew points at a PE signature. */
export function samplePe(): Buffer {
  const file = Buffer.alloc(512);
  file.write("MZ", 0, "latin1");
  file.writeUInt32LE(0x80, 0x3c);
  file.write("PE\0\0", 0x80, "latin1");
  file.writeUInt16LE(0x14c, 0x84);
  return file;
}

export type MultipartPart =
  | { name: string; value: string }
  | { name: string; filename: string; content: Buffer; contentType?: string };

/** A multipart/form-data body written byte by byte, so tests control every file name exactly. */
export function multipartBody(parts: MultipartPart[]): { payload: Buffer; contentType: string } {
  const boundary = `----frmr${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      "filename" in part
        ? `form-data; name="${part.name}"; filename="${part.filename.replaceAll('"', "%22")}"\r\nContent-Type: ${part.contentType ?? "application/octet-stream"}`
        : `form-data; name="${part.name}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`, "utf8"));
    chunks.push("filename" in part ? part.content : Buffer.from(part.value, "utf8"));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function esiaPersonOf(account: (typeof standinAccounts)[keyof typeof standinAccounts]): EsiaPerson {
  return {
    oid: String(account.oid),
    lastName: account.lastName,
    firstName: account.firstName,
    middleName: account.middleName,
    ...(account.snils ? { snils: account.snils } : {}),
    trusted: true,
    contacts: [],
    documents: [],
    addresses: [],
  };
}

export const people = {
  ivanova: esiaPersonOf(standinAccounts.ivanova),
  petrova: esiaPersonOf(standinAccounts.petrova),
  sidorov: esiaPersonOf(standinAccounts.sidorov),
  kuznetsova: esiaPersonOf(standinAccounts.kuznetsova),
};

export interface DocumentsTestApp {
  app: FastifyInstance;
  deps: Deps;
  filesDir: string;
  /** Signs the person in through `/test/sign-in`; returns the cookie header and the user id. */
  signIn(person: EsiaPerson, as?: "worker" | "commission"): Promise<{ cookie: string; userId: string }>;
  /** Every stored file under DATA_DIR/files, staging included, as relative paths. */
  storedFiles(): Promise<string[]>;
  close(): Promise<void>;
}

/** The platform app with DATA_DIR in a fresh temporary directory, removed again on close. */
export async function startDocumentsApp(
  options: { env?: Record<string, string>; clock?: Clock; extend?: (app: FastifyInstance) => void } = {},
): Promise<DocumentsTestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), "frmr-documents-"));
  const { app, deps } = await buildPlatformApp({
    ...(options.clock ? { clock: options.clock } : {}),
    env: { DATA_DIR: dataDir, ...options.env },
    extraRoutes: (instance) => {
      // Stands for a completed ESIA login (as in test/http/platform.test.ts).
      instance.post<{ Body: EsiaPerson; Querystring: { as?: "worker" | "commission" } }>(
        "/test/sign-in",
        { config: { csrf: false } },
        async (request, reply) => {
          const outcome = await instance.deps.identityService.signIn(request.body, request.ip);
          if (!outcome.ok) throw new Error("not signed in");
          await connectService(instance.deps.database.db, outcome.user.id, instance.deps.clock.now());
          request.session.regenerate(
            { userId: outcome.user.id, context: { kind: request.query.as ?? "worker" } },
            instance.deps.clock.now(),
          );
          return reply.send({ userId: outcome.user.id });
        },
      );
      options.extend?.(instance);
    },
  });
  const filesDir = join(dataDir, "files");
  return {
    app,
    deps,
    filesDir,
    async signIn(person, as = "worker") {
      const response = await app.inject({ method: "POST", url: `/test/sign-in?as=${as}`, payload: person });
      return { cookie: cookiesFrom(response.headers["set-cookie"]), userId: response.json().userId };
    },
    async storedFiles() {
      const entries = await readdir(filesDir, { recursive: true, withFileTypes: true }).catch(() => []);
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) => relative(filesDir, join(entry.parentPath, entry.name)));
    },
    async close() {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The cabinet opens only after the W2 consent; tests record it directly instead of the SMS step. */
async function connectService(db: Database, userId: string, now: Date): Promise<void> {
  if (await findActiveConsent(db, userId)) return;
  const version = currentConsentVersion();
  await insertConsent(db, {
    userId,
    versionId: version.id,
    textSha256: consentTextSha256(version),
    grantedAt: now,
  });
}

/** Posts the upload form as a browser does: the CSRF token of the upload page, then the parts. */
export async function postUpload(app: FastifyInstance, cookie: string, parts: MultipartPart[]) {
  const page = await app.inject({ url: "/lk/documents/upload", headers: { cookie } });
  const { payload, contentType } = multipartBody(parts);
  return app.inject({
    method: "POST",
    url: `/lk/documents/upload?_csrf=${encodeURIComponent(csrfTokenIn(page.body))}`,
    headers: { cookie: cookiesFrom(page.headers["set-cookie"], cookie), "content-type": contentType },
    payload,
  });
}

/** The parts of the upload form: a document type and one file (the browser's MIME type is ignored). */
export function documentForm(
  filename: string,
  content: Buffer,
  documentType = "identity_document",
): MultipartPart[] {
  return [
    { name: "documentType", value: documentType },
    { name: "file", filename, content, contentType: "application/pdf" },
  ];
}
