import assert from "node:assert/strict";
import { test } from "node:test";
import { buildHomeView } from "./home.view.ts";

const user = { lastName: "Петрова", firstName: "Анна", middleName: null, snils: null };

test("W8: a paediatrician's home page also lists the criminal-record certificate", () => {
  const view = buildHomeView(user, ["identity_document", "snils"], ["Терапия", "Педиатрия"]);
  assert.deepEqual(
    view.documents.map((set) => set.purpose),
    ["periodic_accreditation", "work_with_minors"],
  );
  const minors = view.documents[1];
  assert.ok(minors?.missing.some((item) => item.label === "Справка об отсутствии судимости"));
  assert.ok(!minors?.missing.some((item) => item.label === "СНИЛС"), "an uploaded type is not asked again");
});

test("W8: without work with minors the certificate is not asked for", () => {
  const view = buildHomeView(user, [], ["Терапия"]);
  assert.deepEqual(
    view.documents.map((set) => set.purpose),
    ["periodic_accreditation"],
  );
  assert.ok(!JSON.stringify(view).includes("судимости"));
});

test("W8: an uploaded certificate is no longer missing", () => {
  const view = buildHomeView(user, ["no_criminal_record"], ["Детская хирургия"]);
  const minors = view.documents.find((set) => set.purpose === "work_with_minors");
  assert.ok(minors);
  assert.ok(!minors.missing.some((item) => item.label === "Справка об отсутствии судимости"));
});
