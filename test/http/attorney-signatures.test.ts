// O8, issue 11: the head signs a representative's power of attorney with a qualified signature over
// the stored file's exact bytes. The head and the operator who verifies the powers see «Подписано ЭП»
// with the .sig; another person's certificate is refused; an employee, a representative and another
// organization cannot sign or download it.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { standinAccounts, standinOrganizations } from "../../src/esia-standin/seed.ts";
import { insertRepresentative } from "../../src/modules/access/access.repository.ts";
import { auditEvents } from "../../src/modules/audit/audit.schema.ts";
import { egrulClinic } from "../../src/modules/egrul/egrul.standin-data.ts";
import { signDetached } from "../../src/modules/signatures/cms.ts";
import { documentSignatures } from "../../src/modules/signatures/signatures.schema.ts";
import { personSubject } from "../../src/modules/signatures/test-ca.ts";
import { formatSnils } from "../../src/shared/identifiers.ts";
import { minimalPdf } from "../support/files.ts";
import {
  type CabinetHarness,
  personas,
  type Session,
  startCabinet,
} from "../support/organization-cabinet.ts";
import { cabinetTestCa, type Issued } from "../support/signing.ts";

const DAY = 86_400_000;
let h: CabinetHarness;
let head: Session;
let issued: Issued;
let stranger: Issued;
let attorneyId: string;
const attorneyPdf = minimalPdf("Доверенность 15/2026");

before(async () => {
  h = await startCabinet();
  head = await h.signIn(personas.head);
  const ca = cabinetTestCa(h.deps);
  const now = h.clock.now().getTime();
  const period = { notBefore: new Date(now - DAY), notAfter: new Date(now + 365 * DAY) };
  issued = ca.issue({
    subject: personSubject(
      { ...standinAccounts.smirnov, snils: personas.head.person.snils },
      standinOrganizations.clinic,
      "Главный врач",
    ),
    ...period,
  });
  // Another person of the same organization, with a certificate from the same CA.
  stranger = ca.issue({
    subject: personSubject(
      { ...standinAccounts.smirnov, lastName: "Кузнецова", snils: personas.kuznetsova.person.snils },
      standinOrganizations.clinic,
      "Заместитель главного врача",
    ),
    ...period,
  });
  const registered = await h.send(head, "POST", "/org/signatures", {
    multipart: {
      files: [{ field: "certificate", name: "head.cer", content: Buffer.from(issued.certificate.der) }],
    },
  });
  assert.equal(registered.statusCode, 303, registered.body.slice(0, 300));
  const appointed = await h.send(head, "POST", "/org/representatives", {
    multipart: {
      fields: {
        snils: formatSnils(personas.kuznetsova.person.snils ?? ""),
        fullName: "Кузнецова Ольга Игоревна",
        attorneyNumber: "15/2026",
        issuedOn: "10.11.2026",
        validUntil: "31.12.2027",
      },
      files: [
        { field: "attorney", name: "dov.pdf", content: attorneyPdf },
        { field: "charter", name: "ustav.pdf", content: minimalPdf("Устав") },
        { field: "identity", name: "passport.pdf", content: minimalPdf("Паспорт") },
      ],
    },
  });
  assert.equal(appointed.statusCode, 303, appointed.body.slice(0, 600));
  const list = await h.send(head, "GET", "/org/representatives");
  attorneyId = /href="\/org\/representatives\/([0-9a-f-]{36})\/attorney"/.exec(list.body)?.[1] ?? "";
  assert.ok(attorneyId, "the list links the power of attorney's file");
});
after(() => h?.close());

const sign = (key: Issued, content: Uint8Array) =>
  Buffer.from(
    signDetached({
      content,
      certificate: key.certificate,
      privateKey: key.privateKey,
      curve: "S-256-A",
      signingTime: h.clock.now(),
    }),
  );
const upload = (session: Session, content: Buffer, id = attorneyId) =>
  h.send(session, "POST", `/org/representatives/${id}/signature`, {
    multipart: { files: [{ field: "signature", name: "dov.sig", content }] },
  });
const stored = () => h.deps.database.db.select().from(documentSignatures);

describe("the head signs the power of attorney", () => {
  test("the list says it is not signed and offers the signing page over the stored file", async () => {
    const list = await h.send(head, "GET", "/org/representatives");
    assert.match(list.body, /Доверенность не подписана электронной подписью/);
    assert.match(list.body, new RegExp(`href="/org/representatives/${attorneyId}/sign"`));
    const page = await h.send(head, "GET", `/org/representatives/${attorneyId}/sign`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Подписание доверенности представителя/);
    assert.match(page.body, /доверенность № 15\/2026 на имя Кузнецова Ольга Игоревна/);
    assert.match(page.body, /Загрузить файл подписи/);
    const file = await h.send(head, "GET", `/org/representatives/${attorneyId}/attorney`);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers["content-type"], "application/pdf");
    assert.deepEqual(Buffer.from(file.rawPayload), attorneyPdf);
    const downloads = await h.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.event, "representative.attorney_downloaded"));
    assert.equal(downloads.length, 1);
  });

  test("refused: another person's certificate, a signature over other bytes, a damaged file", async () => {
    const foreign = await upload(head, sign(stranger, attorneyPdf));
    assert.equal(foreign.statusCode, 400);
    assert.match(foreign.body, /Сертификат не зарегистрирован|Сертификат выдан не руководителю/);
    const other = await upload(head, sign(issued, Buffer.from("другая доверенность")));
    assert.equal(other.statusCode, 400);
    assert.match(other.body, /Подпись не соответствует документу/);
    const damaged = await upload(head, Buffer.from("не подпись"));
    assert.equal(damaged.statusCode, 400);
    assert.equal((await stored()).length, 0, "nothing stored");
    const refusals = await h.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.event, "signature.signature_refused"));
    assert.ok(refusals.length >= 3, "each refusal is audited");
  });

  test("accepted over the exact bytes: stored, audited, shown to the head with the .sig", async () => {
    const response = await upload(head, sign(issued, attorneyPdf));
    assert.equal(response.statusCode, 303, response.body.slice(0, 400));
    const [row] = await stored();
    assert.equal(row?.subjectType, "power_of_attorney");
    assert.equal(row?.subjectId, attorneyId);
    const audited = await h.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.event, "signature.attorney_signed"));
    assert.equal(audited.length, 1);
    assert.equal(audited[0]?.details.representativeId, attorneyId);
    const list = await h.send(head, "GET", "/org/representatives");
    assert.match(list.body, /Доверенность на имя Кузнецова Ольга Игоревна подписана электронной подписью/);
    assert.match(
      list.body,
      /Подписано ЭП:<\/strong> Смирнов Алексей Викторович, серийный номер <span[^>]*>[0-9a-fA-F]+<\/span>, действителен до \d{2}\.\d{2}\.\d{4}/,
    );
    assert.doesNotMatch(list.body, /Доверенность не подписана/);
    assert.doesNotMatch(list.body, /Подписать доверенность ЭП/, "signed once is enough");
    const link = /href="(\/org\/representatives\/[^"]+\/signatures\/[^"]+\/sig)"/.exec(list.body)?.[1];
    assert.ok(link);
    const sig = await h.send(head, "GET", link);
    assert.equal(sig.statusCode, 200);
    assert.equal(sig.headers["content-type"], "application/pkcs7-signature");
    assert.equal(Buffer.from(sig.rawPayload).toString("base64"), row?.signatureDer);
  });

  test("the operator who verifies the powers sees the signature and downloads the .sig", async () => {
    const operator = await h.signIn(personas.operator);
    const page = await h.send(operator, "GET", `/review/organizations/representatives/${attorneyId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Подписано ЭП:<\/strong> Смирнов Алексей Викторович, серийный номер/);
    const link = /href="(\/review\/organizations\/representatives\/[^"]+\/signatures\/[^"]+\/sig)"/.exec(
      page.body,
    )?.[1];
    assert.ok(link);
    const sig = await h.send(operator, "GET", link);
    assert.equal(sig.statusCode, 200);
    assert.equal(sig.headers["content-type"], "application/pkcs7-signature");
    const wrong = link.replace(
      /signatures\/[0-9a-f-]{36}/,
      "signatures/00000000-0000-4000-8000-000000000000",
    );
    assert.equal((await h.send(operator, "GET", wrong)).statusCode, 404);
  });
});

describe("who cannot sign or download it", () => {
  test("an employee, the representative, another organization and a worker are refused", async () => {
    const db = h.deps.database.db;
    const headUser = await db.query.users.findFirst({
      where: (users, { eq }) => eq(users.snils, personas.head.person.snils ?? ""),
    });
    // Волков already holds another, operator-confirmed power of attorney: a representative.
    await insertRepresentative(db, {
      organizationId: await h.organizationId(egrulClinic.ogrn),
      snils: personas.volkov.person.snils ?? "",
      fullName: "Волков Игорь Петрович",
      attorneyNumber: "Д-1",
      attorneyFormat: "pdf",
      issuedOn: "2026-01-10",
      validUntil: "2027-12-10",
      status: "active",
      submittedBy: headUser?.id ?? "",
      submittedAt: h.clock.now(),
    });
    const paths = [`/org/representatives/${attorneyId}/attorney`, `/org/representatives/${attorneyId}/sign`];
    const employee = await h.signIn(personas.petrova);
    const rep = await h.signIn(personas.volkov);
    for (const session of [employee, rep])
      for (const path of paths) assert.equal((await h.send(session, "GET", path)).statusCode, 403, path);
    assert.equal((await upload(rep, sign(issued, attorneyPdf))).statusCode, 403);
    const other = await h.signIn(personas.otherHead);
    for (const path of paths) assert.equal((await h.send(other, "GET", path)).statusCode, 404, path);
    assert.equal((await upload(other, sign(issued, attorneyPdf))).statusCode, 404);
    const sigLink = (await h.send(head, "GET", "/org/representatives")).body.match(
      /href="(\/org\/representatives\/[^"]+\/signatures\/[^"]+\/sig)"/,
    )?.[1];
    assert.equal((await h.send(other, "GET", sigLink ?? "")).statusCode, 404);
    assert.doesNotMatch((await h.send(other, "GET", "/org/representatives")).body, /Кузнецова/);
    const worker = await h.signIn(personas.worker);
    assert.equal((await h.send(worker, "GET", paths[0] ?? "")).statusCode, 403);
    assert.equal((await stored()).length, 1, "still the one signature");
  });

  test("once the powers are ended, the power of attorney is no longer signed", async () => {
    const revoked = await h.send(head, "POST", `/org/representatives/${attorneyId}/revoke`);
    assert.equal(revoked.statusCode, 303);
    const page = await h.send(head, "GET", `/org/representatives/${attorneyId}/sign`);
    assert.equal(page.statusCode, 303);
    assert.equal((await upload(head, sign(issued, attorneyPdf))).statusCode, 404);
    assert.doesNotMatch(
      (await h.send(head, "GET", "/org/representatives")).body,
      new RegExp(`/org/representatives/${attorneyId}/sign"`),
    );
    assert.equal((await stored()).length, 1);
  });
});
