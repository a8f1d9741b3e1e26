import assert from "node:assert/strict";
import { test } from "node:test";
import { gateFor, isGrantValid, isRepresentativeValid, type Power, powersOf } from "./access.policy.ts";

const sorted = (powers: ReadonlySet<Power>) => [...powers].sort();

test("the head has every power; a representative all but appointing representatives, the allow-list, «Одобрение заявок» and the head's signatures", () => {
  const head = powersOf({ role: "head", representative: false, grantedRights: [] });
  const representative = powersOf({ role: "employee", representative: true, grantedRights: [] });
  assert.ok(head.has("representatives.manage") && head.has("security.manage"));
  assert.deepEqual(
    sorted(head).filter((power) => !representative.has(power)),
    ["applications.approve", "representatives.manage", "security.manage", "signatures.manage"],
  );
  assert.ok(
    representative.has("access.manage") &&
      representative.has("staff.edit") &&
      representative.has("reports.view"),
  );
});

test("an employee has what everyone has plus the granted rights; editing staff implies seeing them", () => {
  assert.deepEqual(sorted(powersOf({ role: "employee", representative: false, grantedRights: [] })), [
    "feedback.send",
    "organization.view",
  ]);
  assert.deepEqual(
    sorted(powersOf({ role: "employee", representative: false, grantedRights: ["staff.edit"] })),
    ["feedback.send", "organization.view", "staff.edit", "staff.view"],
  );
  assert.equal(
    powersOf({ role: "employee", representative: false, grantedRights: ["reports.view"] }).has(
      "access.manage",
    ),
    false,
  );
});

test("before activation only the way to activation is open; with ЕГРЮЛ differences only the card and feedback", () => {
  const incomplete = { activation: "incomplete" as const, egrulMismatches: [] };
  assert.equal(gateFor("organization.edit", incomplete), "open");
  assert.equal(gateFor("staff.view", incomplete), "not-activated");
  assert.equal(gateFor("access.manage", incomplete), "not-activated");
  const mismatched = { activation: "active" as const, egrulMismatches: ["ИНН …"] };
  assert.equal(gateFor("organization.view", mismatched), "open");
  assert.equal(gateFor("feedback.send", mismatched), "open");
  assert.equal(gateFor("organization.edit", mismatched), "egrul-mismatch");
  assert.equal(gateFor("staff.view", { activation: "active", egrulMismatches: [] }), "open");
});

test("a grant is valid from its first to its last day inclusive, unless revoked", () => {
  const grant = { startsOn: "2026-11-21", endsOn: "2026-12-31", revokedAt: null };
  assert.equal(isGrantValid(grant, "2026-11-20"), false);
  assert.equal(isGrantValid(grant, "2026-11-21"), true);
  assert.equal(isGrantValid(grant, "2026-12-31"), true);
  assert.equal(isGrantValid(grant, "2027-01-01"), false);
  assert.equal(isGrantValid({ ...grant, revokedAt: new Date() }, "2026-12-01"), false);
});

test("a representative counts only when verified and within the power of attorney", () => {
  const row = { status: "active", issuedOn: "2026-01-10", validUntil: "2027-01-10" };
  assert.equal(isRepresentativeValid(row, "2026-11-21"), true);
  assert.equal(isRepresentativeValid(row, "2027-01-11"), false);
  assert.equal(isRepresentativeValid({ ...row, status: "pending" }, "2026-11-21"), false);
  assert.equal(isRepresentativeValid({ ...row, status: "revoked" }, "2026-11-21"), false);
});
