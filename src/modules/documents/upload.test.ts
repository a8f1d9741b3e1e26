// Uploads through real multipart requests: every refusal leaves no row and no file; accepted files
// are stored with the SHA-256 of their bytes.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { cookiesFrom } from "../../../test/support/platform.ts";
import { auditEvents } from "../audit/audit.schema.ts";
import { documents } from "./documents.schema.ts";
import {
  type DocumentsTestApp,
  documentForm,
  type MultipartPart,
  multipartBody,
  people,
  postUpload,
  sampleElf,
  sampleEncryptedPdf,
  sampleJpeg,
  samplePdf,
  samplePdfOfSize,
  samplePe,
  samplePng,
  startDocumentsApp,
} from "./test-support.ts";
import { MAX_FILE_BYTES } from "./upload-rules.ts";

let t: DocumentsTestApp;
let cookie: string;
let userId: string;

before(async () => {
  t = await startDocumentsApp();
  ({ cookie, userId } = await t.signIn(people.ivanova));
});
after(() => t.close());

const post = (parts: MultipartPart[]) => postUpload(t.app, cookie, parts);
const upload = (filename: string, content: Buffer, documentType?: string) =>
  post(documentForm(filename, content, documentType));

const userDocuments = () => t.deps.database.db.select().from(documents).where(eq(documents.userId, userId));

test("the upload form works without script: multipart, token in the address, labelled fields, type from the link", async () => {
  const page = await t.app.inject({ url: "/lk/documents/upload?type=snils", headers: { cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(
    page.body,
    /<form method="post" action="\/lk\/documents\/upload\?_csrf=[^"]+" enctype="multipart\/form-data"/,
  );
  assert.match(page.body, /<label for="field-documentType">/);
  assert.match(page.body, /<label for="field-file">/);
  assert.match(page.body, /<option value="snils" selected>/);
  // The only script is the idle-session warning every signed-in page carries; the form needs none.
  const scripts = page.body.match(/<script[^>]*>/g) ?? [];
  assert.deepEqual(
    scripts.filter((tag) => !/src="\/assets\/idle-warning\.js/.test(tag)),
    [],
  );
});

describe("refused uploads leave nothing behind", () => {
  const cases: { name: string; send: () => ReturnType<typeof post>; message: RegExp; status?: number }[] = [
    {
      name: "an ELF executable named .pdf",
      send: () => upload("справка.pdf", sampleElf()),
      message: /является программой/,
    },
    {
      name: "a Windows executable named .pdf",
      send: () => upload("scan.pdf", samplePe()),
      message: /является программой/,
    },
    {
      name: "a shell script",
      send: () => upload("run.pdf", Buffer.from("#!/bin/sh\nrm -rf /\n")),
      message: /является программой/,
    },
    {
      name: "an HTML page",
      send: () =>
        upload("page.pdf", Buffer.from("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>")),
      message: /веб-страницей \(HTML\)/,
    },
    {
      name: "an SVG image",
      send: () =>
        upload(
          "logo.png",
          Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>'),
        ),
      message: /SVG не принимаются/,
    },
    { name: "an empty file", send: () => upload("empty.pdf", Buffer.alloc(0)), message: /Файл пустой/ },
    {
      name: "a file of 5 MB + 1 byte",
      send: () => upload("big.pdf", samplePdfOfSize(MAX_FILE_BYTES + 1)),
      message: /больше 5 МБ/,
      status: 413,
    },
    {
      name: "a PDF without %%EOF",
      send: () => upload("cut.pdf", samplePdf().subarray(0, samplePdf().lastIndexOf("%%EOF"))),
      message: /PDF повреждён/,
    },
    {
      name: "a PDF cut in half",
      send: () => upload("half.pdf", samplePdf().subarray(0, Math.floor(samplePdf().length / 2))),
      message: /PDF повреждён/,
    },
    {
      name: "a PDF with a broken header",
      send: () =>
        upload(
          "header.pdf",
          Buffer.from(samplePdf().toString("latin1").replace("%PDF-1.4", "%PDX-1.4"), "latin1"),
        ),
      message: /PDF повреждён/,
    },
    {
      name: "an encrypted PDF",
      send: async () => upload("secret.pdf", await sampleEncryptedPdf()),
      message: /защищён паролем/,
    },
    {
      name: "a PDF whose name climbs out of the directory",
      send: () => upload("../../etc/passwd.pdf", samplePdf()),
      message: /путь к папке/,
    },
    {
      name: "a name with a slash",
      send: () => upload("docs/scan.pdf", samplePdf()),
      message: /путь к папке/,
    },
    {
      name: "a name with a backslash",
      send: () => upload("C:\\docs\\scan.pdf", samplePdf()),
      message: /путь к папке/,
    },
    {
      name: "a name with a control character",
      send: () => upload("scan\u0007.pdf", samplePdf()),
      message: /служебные/,
    },
    {
      name: "a name with a right-to-left override",
      send: () => upload("scan\u202Efdp.exe", samplePdf()),
      message: /служебные/,
    },
    {
      name: "an unknown document type",
      send: () => upload("scan.pdf", samplePdf(), "driving_licence"),
      message: /Выберите тип документа из списка/,
    },
    {
      name: "no file",
      send: () => post([{ name: "documentType", value: "snils" }]),
      message: /Выберите файл документа/,
    },
    {
      name: "an empty file input (no file chosen in the browser)",
      send: () =>
        post([
          { name: "documentType", value: "snils" },
          { name: "file", filename: "", content: Buffer.alloc(0) },
        ]),
      message: /Выберите файл документа/,
    },
  ];

  for (const testCase of cases) {
    test(testCase.name, async () => {
      const filesBefore = await t.storedFiles();
      const response = await testCase.send();
      assert.equal(response.statusCode, testCase.status ?? 400);
      assert.match(response.body, testCase.message);
      assert.match(response.body, /class="error-summary"/);
      assert.match(response.body, /href="#field-(file|documentType)"/, "the summary links to the field");
      assert.deepEqual(await userDocuments(), [], "no row");
      assert.deepEqual(await t.storedFiles(), filesBefore, "no file, no staging leftover");
    });
  }

  test("both fields wrong: two messages, type first", async () => {
    const response = await post([{ name: "documentType", value: "" }]);
    const summary = response.body.slice(response.body.indexOf("error-summary"));
    assert.ok(summary.indexOf("Выберите тип документа") < summary.indexOf("Выберите файл документа"));
  });

  test("each refusal is audited without the file name", async () => {
    const rows = await t.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, userId), eq(auditEvents.event, "document.rejected")));
    assert.ok(rows.length >= cases.length);
    assert.ok(rows.some((row) => (row.details.rejection as { reason: string }).reason === "pdf_encrypted"));
    assert.doesNotMatch(JSON.stringify(rows.map((row) => row.details)), /справка|passwd|secret/);
  });

  test("refused attempts are listed with their reasons", async () => {
    const page = await t.app.inject({ url: "/lk/documents", headers: { cookie } });
    assert.match(page.body, /Не принятые файлы/);
    assert.match(page.body, /защищён паролем/);
  });

  test("without the CSRF token nothing is read or stored", async () => {
    const { payload, contentType } = multipartBody([
      { name: "documentType", value: "snils" },
      { name: "file", filename: "scan.pdf", content: samplePdf() },
    ]);
    const response = await t.app.inject({
      method: "POST",
      url: "/lk/documents/upload",
      headers: { cookie, "content-type": contentType },
      payload,
    });
    assert.equal(response.statusCode, 403);
    assert.deepEqual(await userDocuments(), []);
  });
});

describe("accepted uploads", () => {
  const accepted = [
    {
      name: "a PDF",
      filename: "Иванова М.П. паспорт.pdf",
      content: () => samplePdf(),
      mediaType: "application/pdf",
    },
    { name: "a JPEG", filename: "снилс.jpg", content: () => sampleJpeg(), mediaType: "image/jpeg" },
    { name: "a PNG", filename: "diploma.png", content: () => samplePng(), mediaType: "image/png" },
    {
      name: "a PDF of exactly 5 MB",
      filename: "большой.pdf",
      content: () => samplePdfOfSize(MAX_FILE_BYTES),
      mediaType: "application/pdf",
    },
  ];

  for (const file of accepted) {
    test(file.name, async () => {
      const content = file.content();
      const filesBefore = await t.storedFiles();
      const response = await upload(file.filename, content, "education_diploma");
      assert.equal(response.statusCode, 303, response.body.slice(0, 300));
      assert.equal(response.headers.location, "/lk/documents");
      const row = (await userDocuments()).find((document) => document.originalName === file.filename);
      assert.ok(row, "the row keeps the original name as metadata");
      assert.equal(row.mediaType, file.mediaType);
      assert.equal(row.sizeBytes, content.length);
      assert.equal(row.sha256, createHash("sha256").update(content).digest("hex"));
      const added = (await t.storedFiles()).filter((path) => !filesBefore.includes(path));
      assert.deepEqual(added, [row.storageKey], "one file, under the random key");
      assert.doesNotMatch(row.storageKey, /\.pdf|\.jpg|\.png|Иванова/);
    });
  }

  test("the type is taken from the content, not from the name or the browser's MIME type", async () => {
    const response = await upload("photo.pdf", samplePng(), "snils");
    assert.equal(response.statusCode, 303);
    const row = (await userDocuments()).find((document) => document.originalName === "photo.pdf");
    assert.equal(row?.mediaType, "image/png");
  });

  test("the list shows the document as «Принято» with its size and a flash message after upload", async () => {
    await upload("Трудовая книжка.pdf", samplePdf(), "employment_record");
    const next = await t.app.inject({ url: "/lk/documents", headers: { cookie } });
    assert.match(next.body, /Трудовая книжка\.pdf/);
    assert.match(next.body, /Принято/);
    assert.match(next.body, /Трудовая книжка или сведения о трудовой деятельности/);
    assert.match(next.body, /\d+ КБ|[\d,]+ МБ/);
    assert.match(next.body, /загружен и принят/);
  });

  test("an upload is audited in its transaction", async () => {
    const rows = await t.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, userId), eq(auditEvents.event, "document.uploaded")));
    const ids = new Set((await userDocuments()).map((document) => document.id));
    assert.equal(rows.length, ids.size);
    assert.ok(rows.every((row) => ids.has(row.details.documentId as string)));
  });
});

describe("several files at once", () => {
  test("each file is judged on its own; the refused ones are named, each with its reason", async () => {
    const before = (await userDocuments()).length;
    const response = await post([
      { name: "documentType", value: "identity_document" },
      { name: "file", filename: "паспорт стр 1.pdf", content: samplePdf(), contentType: "application/pdf" },
      {
        name: "file",
        filename: "паспорт стр 2.exe.pdf",
        content: sampleElf(),
        contentType: "application/pdf",
      },
      { name: "file", filename: "паспорт стр 3.png", content: samplePng(), contentType: "image/png" },
      { name: "file", filename: "пустой.pdf", content: Buffer.alloc(0), contentType: "application/pdf" },
    ]);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Не все файлы приняты/);
    assert.match(
      response.body,
      /Загружены и приняты 2 документа: «паспорт стр 1\.pdf», «паспорт стр 3\.png»/,
    );
    assert.match(response.body, /<strong>«паспорт стр 2\.exe\.pdf»<\/strong> — Файл является программой/);
    assert.match(response.body, /<strong>«пустой\.pdf»<\/strong> — Файл пустой/);
    const names = (await userDocuments()).map((row) => row.originalName);
    assert.equal(names.length, before + 2);
    assert.ok(names.includes("паспорт стр 1.pdf") && names.includes("паспорт стр 3.png"));
    assert.ok(!names.includes("паспорт стр 2.exe.pdf"));
  });

  test("all accepted: back to the list with one message naming them", async () => {
    const response = await post([
      { name: "documentType", value: "snils" },
      { name: "file", filename: "снилс лицо.jpg", content: sampleJpeg(), contentType: "image/jpeg" },
      { name: "file", filename: "снилс оборот.png", content: samplePng(), contentType: "image/png" },
    ]);
    assert.equal(response.statusCode, 303);
    const list = await t.app.inject({
      url: "/lk/documents",
      headers: { cookie: cookiesFrom(response.headers["set-cookie"], cookie) },
    });
    assert.match(list.body, /Загружены и приняты 2 документа: «снилс лицо\.jpg», «снилс оборот\.png»/);
  });

  test("none accepted: 400, every file named; the form offers several files", async () => {
    const response = await post([
      { name: "documentType", value: "snils" },
      { name: "file", filename: "a.pdf", content: sampleElf(), contentType: "application/pdf" },
      { name: "file", filename: "b\u202Efdp.exe", content: samplePdf(), contentType: "application/pdf" },
    ]);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /«a\.pdf»/);
    // The bidirectional override is dropped from the shown name, so it cannot disguise the extension.
    assert.match(response.body, /«bfdp\.exe»<\/strong> — Имя файла содержит служебные/);
    assert.doesNotMatch(response.body, /Загружены и приняты/);
    assert.match(response.body, /<input[^>]*type="file"[^>]*multiple/);
  });
});
