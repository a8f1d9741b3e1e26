// O7, O12: the head's decision on a report is taken only once its decision document is signed. Every
// refusal of seed 001 has its own message; the signature is stored with the decision and shown to the
// head, the commission and the worker; a signature made by `openssl cms -sign` with the GOST engine is
// accepted. Certificates come from the cabinet's test CA, its CRL served on loopback.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { derToPem, gostPrivateKeyToPem } from "../../src/esia/crypto/certificate.ts";
import { cmsVerifyArgs, findGostOpenssl } from "../../src/esia/crypto/test-openssl.ts";
import { standinAccounts, standinOrganizations } from "../../src/esia-standin/seed.ts";
import { applications } from "../../src/modules/applications/applications.schema.ts";
import { auditEvents } from "../../src/modules/audit/audit.schema.ts";
import { egrulRegionalHospital } from "../../src/modules/egrul/egrul.standin-data.ts";
import { documentSignatures } from "../../src/modules/signatures/signatures.schema.ts";
import { createTestCa, personSubject, type TestCa } from "../../src/modules/signatures/test-ca.ts";
import {
  type AccreditationHarness,
  applicationIdFrom,
  startAccreditation,
  type Visitor,
} from "../support/accreditation.ts";
import { csrfTokenIn } from "../support/platform.ts";
import {
  cabinetTestCa,
  decisionDocumentOf,
  type Issued,
  openSigning,
  registerHeadCertificate,
  type SigningPage,
  signWith,
  uploadSignature,
} from "../support/signing.ts";

const DAY = 86_400_000;
let harness: AccreditationHarness;
let ivanova: Visitor;
let smirnov: Visitor;
let id: string;
let ca: TestCa;
let crlUrl = "";
let registered: Issued;
let crlDown = false;
const server = createServer((_request, response) => {
  if (crlDown) {
    response.writeHead(503);
    response.end();
    return;
  }
  response.writeHead(200, { "content-type": "application/pkix-crl" });
  response.end(Buffer.from(ca.crl()));
});

const statusOf = async () =>
  (await harness.deps.database.db.select().from(applications).where(eq(applications.id, id)))[0]?.status;

function issue(
  o: { fromDays?: number; toDays?: number; snils?: string; issuer?: TestCa; crl?: string | null } = {},
) {
  const now = harness.clock.now().getTime();
  return (o.issuer ?? ca).issue({
    subject: personSubject(
      { ...standinAccounts.smirnov, snils: o.snils ?? standinAccounts.smirnov.snils },
      standinOrganizations.clinic,
      "Главный врач",
    ),
    notBefore: new Date(now + (o.fromDays ?? -1) * DAY),
    notAfter: new Date(now + (o.toDays ?? 365) * DAY),
    crlUrl: o.crl === undefined ? crlUrl : o.crl,
  });
}

before(async () => {
  // The cabinet's clock at the real time: OpenSSL stamps its signatures with the machine's clock.
  harness = await startAccreditation({ start: new Date(Math.floor(Date.now() / 1000) * 1000).toISOString() });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  crlUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/crl`;
  ca = cabinetTestCa(harness.deps, crlUrl);
  ivanova = await harness.enter("ivanova", "worker");
  smirnov = await harness.enter("smirnov", "head");
  id = applicationIdFrom(
    await ivanova.submit("/lk/applications/new", "/lk/applications", {
      kind: "periodic",
      specialtyCode: "76",
    }),
  );
  const page = `/lk/applications/${id}`;
  await ivanova.upload(
    `${page}/slots/report`,
    `${page}/slots/report/upload`,
    { "type-report": "activity_report" },
    "отчёт.pdf",
  );
  const opened = await ivanova.get(`${page}/report`);
  const organizationId = /<option value="([0-9a-f-]{36})"[^>]*>ГБУЗ/.exec(opened.body)?.[1] ?? "";
  await ivanova.submit(page, `${page}/agreement`, { agreementMode: "head", organizationId });
  // The rest of the filing is the flow test's concern; the report goes to the head.
  await harness.deps.database.db
    .update(applications)
    .set({ status: "awaiting_head" })
    .where(eq(applications.id, id));
  registered = await registerHeadCertificate(harness.deps, harness.clock, smirnov, { issued: issue() });
});
after(async () => {
  server.close();
  await harness?.close();
});

async function agreeWith(sign: (document: Buffer, page: SigningPage) => Uint8Array) {
  const page = await openSigning(smirnov, id, "agree");
  assert.equal(page.response.statusCode, 200);
  const document = await decisionDocumentOf(smirnov, id, page);
  return uploadSignature(smirnov, page, sign(document, page));
}

describe("the signing page", () => {
  test("«Согласовать и подписать» decides nothing: it offers the decision document and both ways", async () => {
    const page = await openSigning(smirnov, id, "agree");
    assert.equal(page.response.statusCode, 200);
    assert.equal(await statusOf(), "awaiting_head");
    const body = page.response.body;
    assert.match(body, /Подписание согласования отчёта/);
    assert.match(body, /Загрузить файл подписи/);
    // Without scripts the browser way is hidden and the page says why, pointing to the .sig way.
    assert.match(body, /Отсутствие установленного клиентского программного обеспечения/);
    assert.match(body, /id="browser-signing"[^>]*hidden/);
    assert.match(body, /<script type="module" src="\/assets\/signing\.js\?v=[\w-]+"/);
    const document = (await decisionDocumentOf(smirnov, id, page)).toString("utf8");
    const [report] = await harness.deps.database.db.query.documents.findMany({
      where: (documents, { eq }) => eq(documents.originalName, "отчёт.pdf"),
    });
    assert.ok(report);
    assert.match(document, /Заявка: № \d+/);
    assert.match(document, /Решение: Отчёт согласован/);
    assert.match(document, new RegExp(`Контрольная сумма файла отчёта \\(SHA-256\\): ${report.sha256}`));
    assert.match(
      document,
      new RegExp(`Время решения: ${page.fields.at.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
    );
    const asset = await harness.app.inject({
      url: /src="(\/assets\/signing\.js\?v=[\w-]+)"/.exec(body)?.[1] ?? "",
    });
    assert.equal(asset.statusCode, 200);
    assert.match(String(asset.headers["content-type"]), /javascript/);
  });

  test("a refusal needs its reason before anything is signed", async () => {
    const page = await openSigning(smirnov, id, "refuse", "нет");
    assert.equal(page.response.statusCode, 400);
    assert.match(page.response.body, /Укажите причину отказа в согласовании/);
  });

  test("a decision document older than a day is drawn up again", async () => {
    const page = await openSigning(smirnov, id, "agree");
    const old = { ...page, fields: { ...page.fields, at: "2026-11-01T09:00:00Z" } };
    const response = await uploadSignature(
      smirnov,
      old,
      signWith(registered, Buffer.from("x"), harness.clock.now()),
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Документ решения устарел/);
  });
});

describe("every refusal of a signature has its own message, and nothing is decided", () => {
  const cases: [string, (document: Buffer) => Uint8Array, RegExp][] = [
    [
      "other content",
      () => signWith(registered, Buffer.from("другой документ"), harness.clock.now()),
      /Подпись не соответствует документу/,
    ],
    [
      "a damaged file",
      () => new TextEncoder().encode("это не подпись"),
      /Файл повреждён или это не сертификат/,
    ],
    [
      "not yet valid at the signing time",
      (document) => signWith(registered, document, new Date(harness.clock.now().getTime() - 2 * DAY)),
      /Сертификат ещё не начал действовать/,
    ],
    [
      "another person's certificate",
      (document) =>
        signWith(issue({ snils: standinAccounts.kuznetsova.snils ?? "" }), document, harness.clock.now()),
      /Сертификат выдан не руководителю организации/,
    ],
    [
      "an untrusted CA",
      (document) => signWith(issue({ issuer: createTestCa({ crlUrl }) }), document, harness.clock.now()),
      /Ошибки в цепочке сертификатов/,
    ],
    [
      "a valid certificate that is not the registered one",
      (document) => signWith(issue(), document, harness.clock.now()),
      /Сертификат не зарегистрирован/,
    ],
  ];
  for (const [name, sign, message] of cases) {
    test(name, async () => {
      const response = await agreeWith(sign);
      assert.equal(response.statusCode, 400);
      assert.match(response.body, message);
      assert.equal(await statusOf(), "awaiting_head");
    });
  }

  test("a signature that is not GOST", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rsa-"));
    const key = join(dir, "k.pem");
    const cert = join(dir, "c.pem");
    const run = (args: string[]) => {
      const result = spawnSync("openssl", args);
      if (result.status !== 0) throw new Error(result.stderr.toString());
    };
    run([
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      key,
      "-out",
      cert,
      "-subj",
      "/CN=RSA",
      "-days",
      "2",
    ]);
    const response = await agreeWith((document) => {
      const content = join(dir, "d.txt");
      writeFileSync(content, document);
      const out = join(dir, "d.sig");
      run([
        "cms",
        "-sign",
        "-binary",
        "-md",
        "sha256",
        "-in",
        content,
        "-signer",
        cert,
        "-inkey",
        key,
        "-outform",
        "DER",
        "-out",
        out,
      ]);
      return readFileSync(out);
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Подпись выполнена не по ГОСТ/);
  });

  test("a revoked certificate (CRL)", async () => {
    // Its own CDP URL, down at registration (a failed fetch is not cached): the cabinet caches CRLs,
    // and a list fetched before the revocation would hide it until its next update.
    const revoked = issue({ crl: `${crlUrl}?after-revocation` });
    crlDown = true;
    await registerHeadCertificate(harness.deps, harness.clock, smirnov, { issued: revoked });
    crlDown = false;
    ca.revoke(revoked.certificate.serialHex);
    const response = await agreeWith((document) => signWith(revoked, document, harness.clock.now()));
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Сертификат отозван/);
    const refusals = await harness.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.event, "signature.signature_refused"));
    assert.ok(refusals.length >= 7, "each refused signature is audited");
  });

  test("five wrong .pfx passwords lock the browser way for 15 minutes; a .sig made elsewhere still works later", async () => {
    registered = await registerHeadCertificate(harness.deps, harness.clock, smirnov, { issued: issue() });
    const report = async () => {
      const token = csrfTokenIn((await smirnov.get("/org/signatures")).body);
      const response = await smirnov.post("/org/signatures/password-failure", { _csrf: token });
      return JSON.parse(response.body) as { locked: boolean; message: string };
    };
    const first = await report();
    assert.equal(first.locked, false);
    assert.match(first.message, /Неверный пароль|не подошёл/);
    assert.match(first.message, /Осталось 4 попытки/);
    for (let i = 0; i < 3; i++) await report();
    const fifth = await report();
    assert.equal(fifth.locked, true);
    assert.match(fifth.message, /заблокировано на 15 минут/);
    const page = await openSigning(smirnov, id, "agree");
    assert.match(page.response.body, /Подписание временно заблокировано/);
    assert.doesNotMatch(page.response.body, /id="browser-signing"/);
    // What the browser would send is refused while the lock holds.
    const document = await decisionDocumentOf(smirnov, id, page);
    const cms = Buffer.from(signWith(registered, document, harness.clock.now())).toString("base64");
    const browser = await smirnov.multipart(page.uploadAction, [
      ...Object.entries(page.fields).map(([name, value]) => ({ name, value })),
      { name: "signatureBase64", value: cms },
    ]);
    assert.equal(browser.statusCode, 400);
    assert.match(browser.body, /Подписание временно заблокировано/);
    assert.equal(await statusOf(), "awaiting_head");
    harness.clock.advance(16 * 60_000);
    assert.doesNotMatch(
      (await openSigning(smirnov, id, "agree")).response.body,
      /Подписание временно заблокировано/,
    );
  });
});

describe("accepted signatures", () => {
  test("with the CRL service silent, a refusal is signed and kept as «проверка отзыва не выполнена»", async () => {
    const silent = issue({ crl: "http://127.0.0.1:9/crl" });
    await registerHeadCertificate(harness.deps, harness.clock, smirnov, { issued: silent });
    const page = await openSigning(
      smirnov,
      id,
      "refuse",
      "Отчёт не описывает работу на участке за 2025 год.",
    );
    assert.equal(page.response.statusCode, 200);
    const document = await decisionDocumentOf(smirnov, id, page);
    assert.match(document.toString("utf8"), /Причина отказа: Отчёт не описывает работу/);
    const response = await uploadSignature(smirnov, page, signWith(silent, document, harness.clock.now()));
    assert.equal(response.statusCode, 303, response.body.slice(0, 400));
    assert.equal(await statusOf(), "agreement_refused");
    const shown = (await smirnov.get(`/org/approvals/${id}`)).body;
    assert.match(shown, /Отказ подписан ЭП:/);
    assert.match(shown, /проверка отзыва не выполнена/);
    const [row] = await harness.deps.database.db
      .select()
      .from(documentSignatures)
      .where(eq(documentSignatures.subjectId, id));
    assert.equal(row?.revocation, "unchecked");
    assert.equal(row?.serialHex, silent.certificate.serialHex);
  });

  test("a signature made by `openssl cms -sign -engine gost` is accepted; the decision, its signature and audit row are stored", async (t) => {
    const openssl = findGostOpenssl();
    if (typeof openssl === "string") return t.skip(openssl);
    t.after(() => openssl.cleanup());
    await harness.deps.database.db
      .update(applications)
      .set({ status: "awaiting_head" })
      .where(eq(applications.id, id));
    registered = await registerHeadCertificate(harness.deps, harness.clock, smirnov, { issued: issue() });
    const file = (name: string, content: string | Uint8Array) => {
      const path = join(openssl.dir, name);
      writeFileSync(path, content, { mode: 0o600 });
      return path;
    };
    const headPath = file("head.crt", derToPem(registered.certificate.der, "CERTIFICATE"));
    const keyPath = file("head.key", gostPrivateKeyToPem(registered.privateKey));
    const response = await agreeWith((document) => {
      const documentPath = file("decision.txt", document);
      const signaturePath = join(openssl.dir, "decision.sig");
      openssl.run([
        "cms",
        "-sign",
        "-binary",
        "-md",
        "md_gost12_256",
        "-in",
        documentPath,
        "-signer",
        headPath,
        "-inkey",
        keyPath,
        "-outform",
        "PEM",
        "-out",
        signaturePath,
      ]);
      return readFileSync(signaturePath);
    });
    assert.equal(
      response.statusCode,
      303,
      /<h2 id="signature-problem-title">[^<]*/.exec(response.body)?.[0] ?? "",
    );
    assert.equal(await statusOf(), "agreed");
    const db = harness.deps.database.db;
    const rows = await db
      .select()
      .from(documentSignatures)
      .where(
        and(
          eq(documentSignatures.subjectId, id),
          eq(documentSignatures.serialHex, registered.certificate.serialHex),
        ),
      );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.revocation, "good");
    assert.equal(rows[0]?.signerName, "Смирнов Алексей Викторович");
    const audited = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.event, "signature.decision_signed"));
    assert.equal(audited.length, 2);

    const head = (await smirnov.get(`/org/approvals/${id}`)).body;
    assert.match(head, /Согласовано, подписано ЭП:<\/strong> Смирнов Алексей Викторович, серийный номер/);
    assert.match(head, /действителен до \d{2}\.\d{2}\.\d{4}/);
    const sigLink = new RegExp(`/org/approvals/${id}/signatures/${rows[0]?.id}/sig`);
    assert.match(head, sigLink);
    const sig = await smirnov.get(`/org/approvals/${id}/signatures/${rows[0]?.id}/sig`);
    assert.equal(sig.statusCode, 200);
    assert.equal(sig.headers["content-type"], "application/pkcs7-signature");
    assert.equal(sig.rawPayload[0], 0x30, "the stored signature is DER");

    const worker = (await ivanova.get(`/lk/applications/${id}/report`)).body;
    assert.match(worker, /Согласовано, подписано ЭП/);
    assert.match(worker, new RegExp(registered.certificate.serialHex));
  });

  test("our stored signature and the decision document it signs verify with `openssl cms -verify`", async (t) => {
    const openssl = findGostOpenssl();
    if (typeof openssl === "string") return t.skip(openssl);
    t.after(() => openssl.cleanup());
    const [ours] = await harness.deps.database.db
      .select()
      .from(documentSignatures)
      .where(eq(documentSignatures.subjectId, id));
    assert.ok(ours);
    const base = `/org/approvals/${id}/signatures/${ours.id}`;
    const file = (name: string, content: Uint8Array | string) => {
      const path = join(openssl.dir, name);
      writeFileSync(path, content);
      return path;
    };
    const sig = file("ours.sig", (await smirnov.get(`${base}/sig`)).rawPayload);
    const content = file("reshenie.txt", (await smirnov.get(`${base}/document`)).rawPayload);
    const root = file("root.crt", derToPem(ca.root.der, "CERTIFICATE"));
    const verify = (path: string) =>
      openssl.succeeds(cmsVerifyArgs({ signature: sig, content: path, caFile: root, out: "/dev/null" }));
    assert.equal(verify(content), true);
    assert.equal(verify(file("other.txt", "другой документ")), false);
  });

  test("the commission sees the signed agreement and downloads its signature and document", async () => {
    await harness.deps.database.db
      .update(applications)
      .set({ status: "submitted", submittedAt: harness.clock.now() })
      .where(eq(applications.id, id));
    const orlov = await harness.enter("orlov", "commission");
    const page = await orlov.get(`/review/applications/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Отказ подписан ЭП/);
    assert.match(page.body, /Согласовано, подписано ЭП/);
    const link = [...page.body.matchAll(/href="(\/review\/applications\/[^"]+\/document)"/g)].at(-1)?.[1];
    assert.ok(link);
    const document = await orlov.get(link);
    assert.equal(document.statusCode, 200);
    assert.match(document.body, /Решение: Отчёт согласован/);
    // Another head sees none of it.
    const other = await harness.enter("smirnov", "head", egrulRegionalHospital.ogrn);
    assert.equal((await other.get(link.replace("/review/applications", "/org/approvals"))).statusCode, 404);
  });

  test("an employee of the clinic cannot take or download a decision", async () => {
    const kuznetsova = await harness.enter("kuznetsova", "employee");
    assert.equal((await kuznetsova.get(`/org/approvals/${id}`)).statusCode, 403);
    const token = csrfTokenIn((await kuznetsova.get("/org")).body);
    const response = await kuznetsova.post(`/org/approvals/${id}/decision-document`, { _csrf: token });
    assert.equal(response.statusCode, 403);
  });
});

describe("a certificate that expired before the signing time", () => {
  test("is refused with its own message", async () => {
    await harness.deps.database.db
      .update(applications)
      .set({ status: "awaiting_head" })
      .where(eq(applications.id, id));
    const shortLived = issue({ toDays: 2 });
    await registerHeadCertificate(harness.deps, harness.clock, smirnov, { issued: shortLived });
    harness.clock.advance(3 * DAY);
    smirnov = await harness.enter("smirnov", "head"); // the old session has run out meanwhile
    const response = await agreeWith((document) => signWith(shortLived, document, harness.clock.now()));
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Срок действия сертификата истёк/);
    assert.equal(await statusOf(), "awaiting_head");
  });
});
