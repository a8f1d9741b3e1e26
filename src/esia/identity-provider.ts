// The port through which the cabinet signs users in. It speaks in terms of the person and the
// outcome, so the cabinet does not change when the adapter behind it does (ESIA's own protocol today,
// an OpenID Connect gateway tomorrow: domain/esia.md §2).

export interface EsiaContact {
  type: "email" | "mobile" | "phone";
  value: string;
  verified: boolean;
}

export interface EsiaDocument {
  /** ESIA document type code as sent: RF_PASSPORT, FID_DOC, MDCL_PLCY, … (domain/esia.md §11.5). */
  type: string;
  series?: string;
  number?: string;
  /** YYYY-MM-DD */
  issueDate?: string;
  issuedBy?: string;
  /** `NNN-NNN` for Russian passports. */
  divisionCode?: string;
  verified: boolean;
}

export interface EsiaAddress {
  type: "registration" | "residence";
  text: string;
}

export interface EsiaOrgRole {
  orgOid: string;
  fullName: string;
  shortName: string;
  ogrn?: string;
  inn?: string;
  type: string;
  chief: boolean;
  admin: boolean;
  active: boolean;
  liquidated: boolean;
}

export interface EsiaPerson {
  oid: string;
  lastName: string;
  firstName: string;
  middleName?: string;
  /** YYYY-MM-DD */
  birthDate?: string;
  gender?: "M" | "F";
  /** 11 digits */
  snils?: string;
  inn?: string;
  /** A confirmed account (domain/esia.md §14). */
  trusted: boolean;
  contacts: EsiaContact[];
  documents: EsiaDocument[];
  addresses: EsiaAddress[];
}

export type LoginFailure =
  /** The identity provider said no; `code` is e.g. `ESIA-007004` (the user pressed "deny"). */
  | { kind: "provider-error"; code: string; description: string }
  /** Our own checks refused the response (state, token, …); the reason is for logs, not for users. */
  | { kind: "refused"; reason: string }
  /** Network error, timeout or a 5xx: worth trying again later. */
  | { kind: "unavailable"; reason: string };

export interface LoginResult {
  person: EsiaPerson;
  roles: EsiaOrgRole[];
  sessionId?: string;
  tokens: { accessToken: string; idToken?: string; refreshToken?: string; expiresAt: Date };
}

export type LoginOutcome = { ok: true; value: LoginResult } | { ok: false; error: LoginFailure };

export interface IdentityProvider {
  /** The cabinet stores `state` in the user's session and passes it back to completeLogin. */
  beginLogin(): Promise<{ redirectUrl: string; state: string }>;
  /**
   * `callback` holds the query parameters of the redirect back to us; `expectedState` is the value
   * stored at beginLogin (undefined when the session has none). The cabinet must drop the stored state
   * once it has called this, so that a callback cannot be replayed.
   */
  completeLogin(
    callback: Record<string, string | undefined>,
    expectedState: string | undefined,
  ): Promise<LoginOutcome>;
  logoutUrl(returnUrl: string): string;
}
