// O11, O12: the head registers a signing certificate in «Электронные подписи»; each refusal has its
// own message. Certificates come from the test CA the cabinet trusts, its CRL served on loopback.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { standinAccounts, standinOrganizations } from "../../src/esia-standin/seed.ts";
import { auditEvents } from "../../src/modules/audit/audit.schema.ts";
import { findOrganizationByOgrn } from "../../src/modules/organizations/organizations.repository.ts";
import { signDetached } from "../../src/modules/signatures/cms.ts";
import {
  createTestCa,
  openTestCa,
  personSubject,
  type TestCa,
} from "../../src/modules/signatures/test-ca.ts";
import {
  type CabinetHarness,
  personas,
  type Session,
  startCabinet,
} from "../support/organization-cabinet.ts";

const DAY = 86_400_000;
const head = { ...standinAccounts.smirnov, snils: personas.head.person.snils };

let h: CabinetHarness;
let ca: TestCa;
let session: Session;
let crlUrl = "";
const server = createServer((_request, response) => {
  response.writeHead(200, { "content-type": "application/pkix-crl" });
  response.end(Buffer.from(ca.crl()));
});

before(async () => {
  h = await startCabinet();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  crlUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/crl`;
  // The same files the cabinet opens at its first check: one CA, one root.
  ca = openTestCa(join(h.deps.config.dataDir, "test-ca"), crlUrl);
  session = await h.signIn(personas.head);
});
after(async () => {
  server.close();
  await h?.close();
});

function certificate(
  o: { fromDays?: number; toDays?: number; person?: typeof head; issuer?: TestCa; crl?: string | null } = {},
) {
  const now = h.clock.now().getTime();
  return (o.issuer ?? ca).issue({
    subject: personSubject(o.person ?? head, standinOrganizations.clinic),
    notBefore: new Date(now + (o.fromDays ?? -1) * DAY),
    notAfter: new Date(now + (o.toDays ?? 365) * DAY),
    crlUrl: o.crl === undefined ? crlUrl : o.crl,
  }).certificate;
}

const upload = (bytes: Uint8Array | string, name = "head.cer") =>
  h.send(session, "POST", "/org/signatures", {
    multipart: { files: [{ field: "certificate", name, content: Buffer.from(bytes) }] },
  });

describe("«Электронные подписи»", () => {
  test("the head registers a valid certificate: listed as active, audited", async () => {
    const cert = certificate();
    const response = await upload(cert.der);
    assert.equal(response.statusCode, 303);
    const page = await h.send(session, "GET", "/org/signatures");
    assert.match(page.body, new RegExp(cert.serialHex));
    assert.match(page.body, /Смирнов Алексей Викторович/);
    assert.match(page.body, /действующий/);
    const rows = await h.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.event, "signature.certificate_registered"));
    assert.equal(rows.length, 1);
    assert.equal(JSON.stringify(rows[0]?.details).includes(head.snils ?? "-"), false);
  });

  test("a newer certificate becomes the active one; the older is «заменён»", async () => {
    const response = await upload(
      Buffer.from(certificate().der)
        .toString("base64")
        .replace(/(.{64})/g, "$1\n")
        .replace(/^/, "-----BEGIN CERTIFICATE-----\n")
        .concat("\n-----END CERTIFICATE-----\n"),
    );
    assert.equal(response.statusCode, 303);
    const page = await h.send(session, "GET", "/org/signatures");
    assert.match(page.body, /заменён/);
  });

  const refusals: [string, () => Uint8Array | string, RegExp][] = [
    ["expired", () => certificate({ fromDays: -400, toDays: -2 }).der, /Срок действия сертификата истёк/],
    ["not yet valid", () => certificate({ fromDays: 3 }).der, /Сертификат ещё не начал действовать/],
    [
      "another person",
      () => certificate({ person: { ...head, snils: personas.kuznetsova.person.snils } }).der,
      /выдан не руководителю/,
    ],
    [
      "untrusted CA",
      () => certificate({ issuer: createTestCa({ crlUrl }) }).der,
      /Ошибки в цепочке сертификатов/,
    ],
    ["damaged", () => "это не сертификат", /Файл повреждён или это не сертификат/],
    [
      "revoked",
      () => {
        // Its own CDP URL: the cabinet caches CRLs, and the list fetched earlier predates this revocation.
        const cert = certificate({ crl: `${crlUrl}?after-revocation` });
        ca.revoke(cert.serialHex);
        return cert.der;
      },
      /Сертификат отозван/,
    ],
  ];
  for (const [name, bytes, message] of refusals) {
    test(`refused with its own message: ${name}`, async () => {
      const response = await upload(bytes());
      assert.equal(response.statusCode, 400);
      assert.match(response.body, message);
    });
  }

  test("the certificate taken out of a .pfx by the page's script is registered the same way", async () => {
    const cert = certificate();
    const taken = (value: string) =>
      h.send(session, "POST", "/org/signatures", { multipart: { fields: { certificateBase64: value } } });
    assert.equal((await taken(Buffer.from(cert.der).toString("base64"))).statusCode, 303);
    assert.match((await h.send(session, "GET", "/org/signatures")).body, new RegExp(cert.serialHex));
    const damaged = await taken("не base64 <script>");
    assert.equal(damaged.statusCode, 400);
    assert.match(damaged.body, /Файл повреждён или это не сертификат/);
  });

  test("with the CRL service silent the certificate is kept as «проверка отзыва не выполнена»", async () => {
    const response = await upload(certificate({ crl: "http://127.0.0.1:9/crl" }).der);
    assert.equal(response.statusCode, 303);
    const page = await h.send(session, "GET", "/org/signatures");
    assert.match(page.body, /проверка отзыва не выполнена/);
  });
});

describe("verifying a signature file («Загрузить файл подписи»)", () => {
  async function actor() {
    const db = h.deps.database.db;
    const user = await db.query.users.findFirst({
      where: (users, { eq }) => eq(users.snils, head.snils ?? ""),
    });
    const organization = await findOrganizationByOgrn(db, standinOrganizations.clinic.ogrn);
    assert.ok(user && organization);
    return {
      userId: user.id,
      role: "head" as const,
      snils: head.snils ?? null,
      organization,
      ip: "127.0.0.1",
    };
  }
  const content = new TextEncoder().encode("Решение по заявке: согласовано.");

  test("a signature by the active certificate is accepted; other content, an older certificate are not", async () => {
    const now = h.clock.now().getTime();
    const issue = () =>
      ca.issue({
        subject: personSubject(head, standinOrganizations.clinic),
        notBefore: new Date(now - DAY),
        notAfter: new Date(now + 365 * DAY),
        crlUrl,
      });
    const older = issue();
    const active = issue();
    for (const issued of [older, active])
      assert.equal((await upload(issued.certificate.der)).statusCode, 303);
    const sign = (issued: typeof active, bytes = content) =>
      signDetached({
        content: bytes,
        certificate: issued.certificate,
        privateKey: issued.privateKey,
        curve: "S-256-A",
        signingTime: h.clock.now(),
      });
    const accepted = await h.deps.signatures.verifySignature(await actor(), content, sign(active));
    assert.equal(accepted.ok && accepted.certificate.serialHex, active.certificate.serialHex);
    assert.deepEqual(
      await h.deps.signatures.verifySignature(
        await actor(),
        new TextEncoder().encode("другое"),
        sign(active),
      ),
      { ok: false, problem: "MISMATCH" },
    );
    assert.deepEqual(await h.deps.signatures.verifySignature(await actor(), content, sign(older)), {
      ok: false,
      problem: "NOT_REGISTERED",
    });
    assert.deepEqual(
      await h.deps.signatures.verifySignature(await actor(), content, new TextEncoder().encode("x")),
      {
        ok: false,
        problem: "DAMAGED",
      },
    );
  });

  test("a certificate with a 512-bit key is registered, listed, and its Streebog-512 signature accepted", async () => {
    const now = h.clock.now().getTime();
    const issued = ca.issue({
      subject: personSubject(head, standinOrganizations.clinic),
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + 365 * DAY),
      crlUrl,
      curve: "TC26-512-A",
    });
    assert.equal((await upload(issued.certificate.der)).statusCode, 303);
    const page = await h.send(session, "GET", "/org/signatures");
    assert.match(page.body, new RegExp(issued.certificate.serialHex));
    const signature = signDetached({
      content,
      certificate: issued.certificate,
      privateKey: issued.privateKey,
      curve: issued.curve,
      signingTime: h.clock.now(),
    });
    const accepted = await h.deps.signatures.verifySignature(await actor(), content, signature);
    assert.equal(accepted.ok && accepted.certificate.serialHex, issued.certificate.serialHex);
    assert.deepEqual(await h.deps.signatures.verifySignature(await actor(), content.subarray(2), signature), {
      ok: false,
      problem: "MISMATCH",
    });
  });
});
