// The scopes a client may be given, and what each kind of client may see (C4).
import type { ApiClientKind } from "./api.schema.ts";

export const apiScopes = [
  "persons.read",
  "staff.read",
  "staff.write",
  "accreditations.read",
  "organizations.read",
] as const;
export type ApiScope = (typeof apiScopes)[number];

export const apiClientKinds: readonly ApiClientKind[] = ["organization", "authority", "insurer"];

export const isApiScope = (value: string): value is ApiScope =>
  (apiScopes as readonly string[]).includes(value);

/**
 * Scopes that make sense for each kind: an insurer checks accreditation and employment only, so it
 * never gets the personal file or writes; only an organization writes, and only its own staff.
 */
export const scopesAllowed: Record<ApiClientKind, readonly ApiScope[]> = {
  organization: apiScopes,
  authority: ["persons.read", "staff.read", "accreditations.read", "organizations.read"],
  insurer: ["persons.read", "staff.read", "accreditations.read", "organizations.read"],
};

/** Space-separated scope string (RFC 6749 §3.3) into known scopes; undefined on an unknown one. */
export function parseScopes(text: string): ApiScope[] | undefined {
  const words = [...new Set(text.split(/[\s,]+/).filter(Boolean))];
  return words.every(isApiScope) ? words : undefined;
}
