// O8, O9, O12: the organization's «Документы». The head and a representative upload PDFs (the
// documents module's content checks), replace an outdated one and download them; the head signs one
// with a .sig; an employee without the right, another organization and a worker see nothing.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { standinAccounts, standinOrganizations } from "../../src/esia-standin/seed.ts";
import { insertRepresentative } from "../../src/modules/access/access.repository.ts";
import { auditEvents } from "../../src/modules/audit/audit.schema.ts";
import { samplePdf } from "../../src/modules/documents/test-support.ts";
import { egrulClinic } from "../../src/modules/egrul/egrul.standin-data.ts";
import { signDetached } from "../../src/modules/signatures/cms.ts";
import { personSubject } from "../../src/modules/signatures/test-ca.ts";
import {
  type CabinetHarness,
  personas,
  type Session,
  startCabinet,
} from "../support/organization-cabinet.ts";
import { cabinetTestCa } from "../support/signing.ts";

const DAY = 86_400_000;
let h: CabinetHarness;
let head: Session;
let rep: Session;

before(async () => {
  h = await startCabinet();
  head = await h.signIn(personas.head);
  const db = h.deps.database.db;
  const headUser = await db.query.users.findFirst({
    where: (users, { eq }) => eq(users.snils, personas.head.person.snils ?? ""),
  });
  // Кузнецова holds the clinic's power of attorney: a representative.
  await insertRepresentative(db, {
    organizationId: await h.organizationId(egrulClinic.ogrn),
    snils: personas.kuznetsova.person.snils ?? "",
    fullName: "Кузнецова Ольга Игоревна",
    attorneyNumber: "Д-1",
    attorneyFormat: "pdf",
    issuedOn: "2026-01-10",
    validUntil: "2027-01-10",
    status: "active",
    submittedBy: headUser?.id ?? "",
    submittedAt: h.clock.now(),
  });
  rep = await h.signIn(personas.kuznetsova);
});
after(() => h?.close());

const upload = (
  session: Session,
  fields: Record<string, string>,
  content: Buffer = samplePdf(),
  name = "устав.pdf",
) =>
  h.send(session, "POST", "/org/documents", {
    multipart: { fields, files: [{ field: "file", name, content }] },
  });

const idsOn = async (session: Session) =>
  [
    ...(await h.send(session, "GET", "/org/documents")).body.matchAll(
      /href="\/org\/documents\/([0-9a-f-]{36})\/file"/g,
    ),
  ].map((match) => match[1] ?? "");

describe("«Документы»", () => {
  test("the head uploads the charter: listed as «действующий», downloadable, audited", async () => {
    const response = await upload(head, { kind: "charter", title: "Устав ГБУЗ «Городская поликлиника № 1»" });
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    const page = await h.send(head, "GET", "/org/documents");
    assert.match(page.body, /Устав ГБУЗ «Городская поликлиника № 1»/);
    assert.match(page.body, /действующий/);
    assert.match(page.body, /Не подписан/);
    const [id] = await idsOn(head);
    const file = await h.send(head, "GET", `/org/documents/${id}/file`);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers["content-type"], "application/pdf");
    const audited = await h.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.event, "org_document.uploaded"));
    assert.equal(audited.length, 1);
  });

  test("a file that is not a PDF, and a missing title, are refused with their messages", async () => {
    const response = await upload(
      head,
      { kind: "order", title: "" },
      Buffer.from("просто текст"),
      "приказ.pdf",
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Укажите название документа/);
    assert.match(response.body, /«приказ\.pdf»/);
  });

  test("the representative replaces the outdated charter: the old one reads «заменён»", async () => {
    const [old] = await idsOn(rep);
    const response = await upload(rep, {
      kind: "charter",
      title: "Устав (редакция 2026 года)",
      replaces: old ?? "",
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    const page = await h.send(rep, "GET", "/org/documents");
    assert.match(page.body, /Устав \(редакция 2026 года\)/);
    assert.match(page.body, /заменён \d{2}\.\d{2}\.\d{4}/);
    assert.doesNotMatch(page.body, /Подписать ЭП/, "the representative does not sign");
    const again = await upload(rep, { kind: "charter", title: "Ещё раз", replaces: old ?? "" });
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /уже заменён/);
  });

  test("the head signs the current charter with a .sig over its exact bytes", async () => {
    const ca = cabinetTestCa(h.deps);
    const now = h.clock.now().getTime();
    const issued = ca.issue({
      subject: personSubject(
        { ...standinAccounts.smirnov, snils: personas.head.person.snils },
        standinOrganizations.clinic,
        "Главный врач",
      ),
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + 365 * DAY),
    });
    const registered = await h.send(head, "POST", "/org/signatures", {
      multipart: {
        files: [{ field: "certificate", name: "head.cer", content: Buffer.from(issued.certificate.der) }],
      },
    });
    assert.equal(registered.statusCode, 303);
    const [current] = await idsOn(head);
    const page = await h.send(head, "GET", `/org/documents/${current}/sign`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Загрузить файл подписи/);
    const bytes = (await h.send(head, "GET", `/org/documents/${current}/file`)).rawPayload;
    const sign = (content: Uint8Array) =>
      Buffer.from(
        signDetached({
          content,
          certificate: issued.certificate,
          privateKey: issued.privateKey,
          curve: "S-256-A",
          signingTime: h.clock.now(),
        }),
      );
    const wrong = await h.send(head, "POST", `/org/documents/${current}/signature`, {
      multipart: {
        files: [{ field: "signature", name: "ustav.sig", content: sign(Buffer.from("другой файл")) }],
      },
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Подпись не соответствует документу/);
    const response = await h.send(head, "POST", `/org/documents/${current}/signature`, {
      multipart: { files: [{ field: "signature", name: "ustav.sig", content: sign(bytes) }] },
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    const list = await h.send(rep, "GET", "/org/documents");
    assert.match(list.body, /Подписано ЭП:<\/strong> Смирнов Алексей Викторович, серийный номер/);
    const link = /href="(\/org\/documents\/[^"]+\/signatures\/[^"]+\/sig)"/.exec(list.body)?.[1];
    assert.ok(link);
    const sig = await h.send(rep, "GET", link);
    assert.equal(sig.statusCode, 200);
    assert.equal(sig.headers["content-type"], "application/pkcs7-signature");
  });
});

describe("who sees nothing", () => {
  test("an employee without the right, another organization's head and a worker are refused", async () => {
    const [id] = await idsOn(head);
    const employee = await h.signIn(personas.petrova);
    for (const path of ["/org/documents", `/org/documents/${id}/file`, `/org/documents/${id}/sign`])
      assert.equal((await h.send(employee, "GET", path)).statusCode, 403, path);
    const other = await h.signIn(personas.otherHead);
    assert.equal((await h.send(other, "GET", `/org/documents/${id}/file`)).statusCode, 404);
    assert.equal((await h.send(other, "GET", `/org/documents/${id}/sign`)).statusCode, 404);
    assert.doesNotMatch((await h.send(other, "GET", "/org/documents")).body, /Устав ГБУЗ|редакция 2026/);
    const worker = await h.signIn(personas.worker);
    assert.equal((await h.send(worker, "GET", "/org/documents")).statusCode, 403);
    // The representative may manage the documents but not sign them: that is the head's.
    assert.equal((await h.send(rep, "GET", `/org/documents/${id}/sign`)).statusCode, 403);
  });
});
