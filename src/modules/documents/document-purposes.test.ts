// W8: the criminal-record certificate is in the document set of the categories that need it (the
// medical care of minors), and only there; every category names a specialty of the dictionary.
import assert from "node:assert/strict";
import { test } from "node:test";
import { dictionaries } from "../register/register.dictionaries.ts";
import {
  documentPurposes,
  missingRequirements,
  purposesFor,
  specialtiesWithMinors,
} from "./document-types.ts";

test("a paediatrician needs the certificate; a therapist does not", () => {
  assert.deepEqual(purposesFor(["Педиатрия"]), ["periodic_accreditation", "work_with_minors"]);
  assert.deepEqual(purposesFor(["Терапия", "Кардиология"]), ["periodic_accreditation"]);
  assert.deepEqual(
    missingRequirements("work_with_minors", [
      "identity_document",
      "snils",
      "education_diploma",
      "accreditation_record",
    ]).map((requirement) => requirement.id),
    ["criminal_record"],
  );
});

test("no accreditation set asks for the certificate", () => {
  const periodic = documentPurposes.periodic_accreditation.requirements.flatMap((r) => r.anyOf) as string[];
  assert.ok(!periodic.includes("no_criminal_record"));
});

test("every category is a specialty of the dictionary", () => {
  const names = new Set(dictionaries.specialties.entries.map((entry) => entry.name));
  for (const name of specialtiesWithMinors) assert.ok(names.has(name), name);
});
