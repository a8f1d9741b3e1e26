import type { EsiaPerson } from "../../esia/identity-provider.ts";
import type { OrganizationRole } from "../../http/session.ts";

export type EntryDecision = { allowed: true } | { allowed: false; reason: "not-confirmed" };

/** W1/O3: only a confirmed (trusted) ESIA account enters the cabinet. */
export function decideEntry(person: Pick<EsiaPerson, "trusted">): EntryDecision {
  return person.trusted ? { allowed: true } : { allowed: false, reason: "not-confirmed" };
}

/** O7: Руководитель only for the head of the organization in ESIA; everyone else is Сотрудник. */
export function allowedRoles(choice: { chief: boolean }): OrganizationRole[] {
  return choice.chief ? ["head", "employee"] : ["employee"];
}

export const roleLabels: Record<OrganizationRole, string> = { head: "Руководитель", employee: "Сотрудник" };
