// The seed is synthetic but must pass the same checks the cabinet applies to real data.
import assert from "node:assert/strict";
import { test } from "node:test";
import { isValidInn, isValidKpp, isValidOgrn, isValidSnils } from "../shared/identifiers.ts";
import { normalizePhone } from "../shared/phone.ts";
import { passwordProblem } from "./passwords.ts";
import {
  SEED_PASSWORD,
  seedOrganizations,
  seedPeople,
  standinAccounts,
  standinOrganizations,
} from "./seed.ts";

test("every СНИЛС, ИНН, ОГРН/ОГРНИП and КПП has valid check digits or format", () => {
  for (const p of seedPeople) {
    if (p.snils !== undefined) assert.ok(isValidSnils(p.snils), `${p.lastName} СНИЛС`);
    if (p.inn !== undefined) assert.ok(isValidInn(p.inn) && p.inn.length === 12, `${p.lastName} ИНН`);
    assert.equal(normalizePhone(p.phone ?? ""), p.phone);
  }
  for (const o of seedOrganizations) {
    assert.ok(isValidOgrn(o.ogrn), `${o.shortName} ОГРН`);
    assert.ok(isValidInn(o.inn), `${o.shortName} ИНН`);
    if (o.kpp !== undefined) assert.ok(isValidKpp(o.kpp));
  }
});

test("the fixtures the checklist asks for (§18) are present, with stable oids", () => {
  assert.equal(standinAccounts.ivanova.oid, 1_000_000_001);
  assert.equal(standinAccounts.orlov.oid, 1_000_000_006);
  assert.equal(standinAccounts.sidorov.level, "standard");
  assert.equal(standinAccounts.egorov.level, "simplified");
  assert.equal(standinAccounts.egorov.email, undefined, "a person without e-mail");
  assert.deepEqual(
    standinAccounts.smirnov.roles.map((r) => [r.orgOid, r.chief]),
    [
      [standinOrganizations.clinic.oid, true],
      [standinOrganizations.zdorovye.oid, true],
    ],
  );
  const hr = standinAccounts.kuznetsova.roles[0];
  assert.equal(hr?.chief, false);
  assert.equal(standinOrganizations.ivanovaBusiness.type, "BUSINESS");
  assert.equal(standinOrganizations.ivanovaBusiness.ogrn.length, 15);
  assert.equal(new Set(seedPeople.map((p) => p.oid)).size, seedPeople.length);
  for (const p of seedPeople.filter((x) => x.level === "confirmed")) {
    assert.ok(p.email && p.snils && p.inn && p.birthDate && p.gender, p.lastName);
    const passport = p.documents.find((d) => d.type === "RF_PASSPORT");
    assert.ok(
      passport?.series && passport.number && passport.issueDate && passport.issuedBy && passport.issueId,
      p.lastName,
    );
    assert.equal(p.addresses[0]?.type, "PRG");
  }
});

test("the seed password satisfies the stand-in's own password rules", () => {
  assert.equal(passwordProblem(SEED_PASSWORD), undefined);
});
