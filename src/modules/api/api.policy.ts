// Who sees what through the integration API (C4). An organization's system sees and writes only its
// own staff (persons with a card in it) and its own record; an authority's reads everything; an
// insurer's reads accreditation status and employment, never the rest of the personal file.
import type { ApiScope } from "./api.scopes.ts";
import type { ApiClientRow } from "./clients.repository.ts";

export interface ApiCaller {
  client: ApiClientRow;
  scopes: readonly ApiScope[];
  ip: string;
  /** Persons whose data the answer carries: the audit records them (personal data access is accountable). */
  personsRead: Set<string>;
}

/** The organization the caller is confined to, or undefined when it sees all. */
export const confinedTo = (caller: ApiCaller): string | undefined =>
  caller.client.kind === "organization" ? (caller.client.organizationOid ?? "") : undefined;

export const mayReadOrganizationStaff = (caller: ApiCaller, frmoOid: string): boolean => {
  const own = confinedTo(caller);
  return own === undefined || own === frmoOid;
};

export const mayWriteOrganizationStaff = (caller: ApiCaller, frmoOid: string): boolean =>
  caller.client.kind === "organization" && caller.client.organizationOid === frmoOid;

/** Birth data, education and certificates: not for insurers. */
export const seesPersonalFile = (caller: ApiCaller): boolean => caller.client.kind !== "insurer";
