import type { EsiaPerson } from "../../esia/identity-provider.ts";

export type EntryDecision = { allowed: true } | { allowed: false; reason: "not-confirmed" };

/** W1/O3: only a confirmed (trusted) ESIA account enters the cabinet. */
export function decideEntry(person: Pick<EsiaPerson, "trusted">): EntryDecision {
  return person.trusted ? { allowed: true } : { allowed: false, reason: "not-confirmed" };
}
