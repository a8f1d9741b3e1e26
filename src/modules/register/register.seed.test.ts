import assert from "node:assert/strict";
import { test } from "node:test";
import { standinAccounts } from "../../esia-standin/seed.ts";
import { demoClinicFrmoOid } from "../organizations/organizations.seed.ts";
import { addYears, daysBetween, EXPIRY_WARNING_DAYS } from "./expiry.ts";
import { type Dictionary, dictionaries } from "./register.dictionaries.ts";
import { demoRecords } from "./register.seed.ts";

const today = "2026-11-21";
const [ivanova, petrova] = demoRecords(today);

test("every dictionary has unique codes and names, and the НСИ ones name their OID", () => {
  for (const [name, dictionary] of Object.entries(dictionaries) as [string, Dictionary][]) {
    const codes = dictionary.entries.map((entry) => entry.code);
    assert.equal(new Set(codes).size, codes.length, `${name}: duplicate code`);
    assert.ok(
      dictionary.entries.every((entry) => entry.name.trim() !== ""),
      `${name}: empty name`,
    );
  }
  assert.equal(dictionaries.specialties.oid, "1.2.643.5.1.13.13.11.1066");
  assert.equal(dictionaries.positions.oid, "1.2.643.5.1.13.13.11.1002");
  assert.equal(dictionaries.identityDocuments.oid, "1.2.643.5.1.13.13.99.2.48");
});

test("the demo persons are the stand-in's Иванова and Петрова, matched by СНИЛС", () => {
  assert.equal(ivanova?.person.snils, standinAccounts.ivanova.snils);
  assert.equal(petrova?.person.snils, standinAccounts.petrova.snils);
});

test("Иванова: diploma, ординатура, at least 144 h of ПК in five years, accreditation ending within 90 days", () => {
  assert.ok(ivanova);
  assert.equal(ivanova.profEducation?.length, 1);
  assert.equal(ivanova.postgraduate?.[0]?.educationStageName, "Ординатура");
  const courses = ivanova.extEducation ?? [];
  assert.equal(courses.length, 3);
  const recent = courses.filter((course) => (course.docDate ?? "") >= addYears(today, -5));
  assert.ok(recent.reduce((sum, course) => sum + course.hoursCount, 0) >= 144);
  assert.equal(ivanova.certificates?.length, 1);
  const procedure = ivanova.accreditation?.procedures[0];
  const daysLeft = daysBetween(today, procedure?.endDate ?? "");
  assert.ok(daysLeft > 0 && daysLeft <= EXPIRY_WARNING_DAYS, `ends in ${daysLeft} days`);
});

test("Петрова: nursing education and an accreditation valid for years", () => {
  assert.ok(petrova);
  assert.equal(petrova.profEducation?.[0]?.specName, "Сестринское дело");
  const procedure = petrova.accreditation?.procedures[0];
  assert.ok(daysBetween(today, procedure?.endDate ?? "") > 3 * 365);
});

test("both work at the clinic under its ФРМО OID", () => {
  for (const record of [ivanova, petrova]) {
    assert.ok(record?.cards?.length);
    for (const card of record?.cards ?? []) {
      assert.equal(card.oid, demoClinicFrmoOid);
      assert.equal(card.organization, "ГБУЗ «Городская поликлиника № 1»");
    }
  }
});
