// Who may do what in the organization's cabinet (O7, O9), decided from the person's standing on the
// day of the request: the role chosen at login, an active representative's power of attorney, and
// the employee's rights granted for a period. NPPES has the same three levels: Authorized Official
// (the head), Access Manager (the representative), Staff End User (the employee with rights).
import type { OrganizationRole } from "../../http/session.ts";
import type { CabinetActivation } from "../organizations/organizations.schema.ts";
import { type Right, rights } from "./access.rights.ts";

export type Power =
  | Right
  /** The organization's card and status; everyone who entered for the organization. */
  | "organization.view"
  /** Requests to correct data and other feedback; everyone. */
  | "feedback.send"
  /** The form of missing data (O6). */
  | "organization.edit"
  /** Granting and revoking employees' rights (O9). */
  | "access.manage"
  /** Appointing representatives: the head only, so that a representative cannot pass rights on. */
  | "representatives.manage"
  | "journal.view"
  /** The IP allow-list (O13): the head only. */
  | "security.manage"
  /** «Одобрение заявок»: agreeing workers' reports on professional activity (§5); the head only. */
  | "applications.approve"
  /** Entering licences and their suspension or termination (O17): the head and representatives. */
  | "licences.manage"
  /** «Электронные подписи»: the head's own signing certificates (O11); the head only. */
  | "signatures.manage"
  /** The organization's «Документы» (O8, O9): uploading and replacing them; the head and representatives. */
  | "documents.manage";

export interface Standing {
  role: OrganizationRole;
  /** The representative's power of attorney is verified and valid today. */
  representative: boolean;
  /** Union of the rights of the employee's grants valid today. */
  grantedRights: readonly Right[];
}

const everyone: readonly Power[] = ["organization.view", "feedback.send"];
const representativePowers: readonly Power[] = [
  ...everyone,
  ...rights,
  "organization.edit",
  "access.manage",
  "journal.view",
  "licences.manage",
  "documents.manage",
];
const headPowers: readonly Power[] = [
  ...representativePowers,
  "representatives.manage",
  "security.manage",
  "applications.approve",
  "signatures.manage",
];

export function powersOf(standing: Standing): ReadonlySet<Power> {
  if (standing.role === "head") return new Set(headPowers);
  if (standing.representative) return new Set(representativePowers);
  const granted: Power[] = [...standing.grantedRights];
  // Whoever may edit staff records must see them.
  if (standing.grantedRights.includes("staff.edit")) granted.push("staff.view");
  return new Set([...everyone, ...granted]);
}

// Until the cabinet is activated (O6) only what leads to activation is open.
const beforeActivation: ReadonlySet<Power> = new Set([
  "organization.view",
  "feedback.send",
  "organization.edit",
  "representatives.manage",
  "journal.view",
  "security.manage",
]);
// While the data differ from ЕГРЮЛ/ЕГРИП (O4) the card with the differences and the correction request remain.
const whileMismatched: ReadonlySet<Power> = new Set(["organization.view", "feedback.send"]);

export type Gate = "open" | "not-activated" | "egrul-mismatch";

/** Whether the organization's state lets `power` be used at all, whoever asks. */
export function gateFor(
  power: Power,
  organization: { activation: CabinetActivation; egrulMismatches: readonly string[] },
): Gate {
  if (organization.egrulMismatches.length > 0 && !whileMismatched.has(power)) return "egrul-mismatch";
  if (organization.activation !== "active" && !beforeActivation.has(power)) return "not-activated";
  return "open";
}

/** A grant is valid from its first to its last day inclusive, unless revoked. */
export function isGrantValid(
  grant: { startsOn: string; endsOn: string; revokedAt: Date | null },
  today: string,
): boolean {
  return grant.revokedAt === null && grant.startsOn <= today && today <= grant.endsOn;
}

/** An appointment counts only when an operator verified it and the power of attorney is in force. */
export function isRepresentativeValid(
  representative: { status: string; issuedOn: string; validUntil: string },
  today: string,
): boolean {
  return (
    representative.status === "active" &&
    representative.issuedOn <= today &&
    today <= representative.validUntil
  );
}
