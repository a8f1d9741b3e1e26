// The daily synchronisation with ЕГРЮЛ/ЕГРИП (O4): every registered organization's card takes the
// register's current name, КПП, address, head, registration date and status; differences that
// cannot be taken over (another ИНН, no such ОГРН) are kept as exact messages that block the cabinet.
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { compareWithRegister, notFoundMismatch } from "../egrul/egrul.compare.ts";
import type { EgrulRecord, EgrulRegistry } from "../egrul/egrul.port.ts";
import {
  listOrganizationsForSync,
  type OrganizationChange,
  type OrganizationRow,
  updateOrganization,
} from "./organizations.repository.ts";

export interface SyncReport {
  checked: number;
  changed: number;
  blocked: number;
  /** The register did not answer; these cards stay as they were until the next run. */
  unavailable: number;
}

/** Fields of the card that the register owns. */
const syncedFields = [
  "fullName",
  "shortName",
  "kpp",
  "legalAddress",
  "headName",
  "headPosition",
  "registeredOn",
  "status",
] as const;

export function cardFromRegister(
  record: EgrulRecord,
): Pick<OrganizationChange, (typeof syncedFields)[number]> {
  return {
    fullName: record.fullName,
    shortName: record.shortName,
    kpp: record.kpp,
    legalAddress: record.legalAddress,
    headName: record.headName,
    headPosition: record.headPosition,
    registeredOn: record.registeredOn,
    status: record.status,
  };
}

export async function syncOrganizationsWithEgrul(deps: { db: Database; egrul: EgrulRegistry; clock: Clock }) {
  const report: SyncReport = { checked: 0, changed: 0, blocked: 0, unavailable: 0 };
  for (const organization of await listOrganizationsForSync(deps.db)) {
    const outcome = await syncOne(deps, organization);
    report.checked++;
    if (outcome === "unavailable") report.unavailable++;
    if (outcome === "changed") report.changed++;
    if (outcome === "blocked") report.blocked++;
  }
  return report;
}

async function syncOne(
  { db, egrul, clock }: { db: Database; egrul: EgrulRegistry; clock: Clock },
  organization: OrganizationRow,
): Promise<"unavailable" | "unchanged" | "changed" | "blocked"> {
  const lookup = await egrul.findByOgrn(organization.ogrn);
  if ("unavailable" in lookup) return "unavailable";
  const change: OrganizationChange = lookup.found ? cardFromRegister(lookup.record) : {};
  const mismatches = lookup.found
    ? compareWithRegister({ inn: organization.inn }, lookup.record).filter(
        (mismatch) => mismatch.field !== "status",
      )
    : [notFoundMismatch(organization.ogrn)];
  change.egrulMismatches = mismatches.map((mismatch) => mismatch.message);
  const changedFields = Object.entries(change)
    .filter(
      ([field, value]) =>
        JSON.stringify(organization[field as keyof OrganizationRow]) !== JSON.stringify(value),
    )
    .map(([field]) => field);
  await db.transaction(async (tx) => {
    await updateOrganization(tx, organization.id, { ...change, egrulSyncedAt: clock.now() });
    if (changedFields.length > 0) {
      // Field names only: the values are public register data but need not be copied into the log.
      await writeAudit(tx, {
        event: "organization.synced",
        outcome: mismatches.length > 0 ? "failure" : "success",
        organizationId: organization.id,
        details: { changedFields, mismatches: mismatches.map((mismatch) => mismatch.field) },
      });
    }
  });
  if (mismatches.length > 0) return "blocked";
  return changedFields.length > 0 ? "changed" : "unchanged";
}
