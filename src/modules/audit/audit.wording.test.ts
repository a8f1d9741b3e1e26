// The one table of audit wording: every event name of the closed list reads as Russian, with its
// specifics (which application, old → new status, which rights until when), dates as ДД.ММ.ГГГГ.
import assert from "node:assert/strict";
import { test } from "node:test";
import { auditEventNames } from "./audit.events.ts";
import { auditLabel, auditSpecifics, auditWording } from "./audit.wording.ts";

test("every audit event name has a Russian label", () => {
  const missing = auditEventNames.filter((name) => !auditWording[name]);
  assert.deepEqual(missing, [], "add a line to audit.wording.ts for each new event name");
  for (const name of auditEventNames) assert.match(auditLabel(name), /^[А-ЯЁ][^a-z_]*$/u, name);
});

test("a status change names the application and both statuses", () => {
  const details = { applicationId: "a1", action: "submit", from: "draft", to: "submitted" };
  assert.equal(
    auditSpecifics("application.status_changed", details, { applicationNumber: () => 3 }),
    "заявка № 3; «Черновик» → «Подано»",
  );
});

test("a draft edit says what changed instead of ten identical lines", () => {
  const details = { applicationId: "a1", change: "attach" };
  assert.equal(
    auditSpecifics("application.updated", details, { applicationNumber: () => 7 }),
    "заявка № 7; приложен документ",
  );
});

test("granted rights are named, with the dates as ДД.ММ.ГГГГ", () => {
  const details = { rights: ["staff.view", "reports.view"], startsOn: "2026-12-01", endsOn: "2027-11-30" };
  assert.equal(
    auditSpecifics("access.granted", details),
    "Просмотр сведений о сотрудниках, Просмотр и выгрузка отчётов; с 01.12.2026 по 30.11.2027",
  );
});

test("no raw paths, ids or codes leak into the text", () => {
  assert.equal(auditSpecifics("access.denied", { route: "/org/staff/:id", power: "staff.edit" }), undefined);
  assert.equal(
    auditSpecifics("document.uploaded", { documentId: "x", documentType: "snils" }),
    "тип «СНИЛС»",
  );
  assert.equal(auditLabel("something.unknown"), "Действие в кабинете");
});
