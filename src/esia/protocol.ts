// Pure helpers for ESIA's v2/v3 request protocol: timestamps, the strings signed into client_secret,
// and the base64 flavours ESIA accepts (domain/esia.md §5, §6.1, §8).

const MOSCOW_OFFSET_MS = 3 * 60 * 60 * 1000; // Moscow has been UTC+3 all year round since 2014

/** `yyyy.MM.dd HH:mm:ss +0300` in Moscow time, the format every reference client sends. */
export function esiaTimestamp(date: Date): string {
  const moscow = new Date(date.getTime() + MOSCOW_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${String(moscow.getUTCFullYear()).padStart(4, "0")}.${pad(moscow.getUTCMonth() + 1)}.${pad(moscow.getUTCDate())} ` +
    `${pad(moscow.getUTCHours())}:${pad(moscow.getUTCMinutes())}:${pad(moscow.getUTCSeconds())} +0300`
  );
}

const TIMESTAMP = /^(\d{4})\.(\d{2})\.(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;

/** Parses any `yyyy.MM.dd HH:mm:ss ±HHMM` (clients send UTC or local time, §8); undefined when malformed. */
export function parseEsiaTimestamp(value: string): Date | undefined {
  const match = TIMESTAMP.exec(value);
  if (!match) return undefined;
  // The pattern guarantees every group is a run of digits, so Number() cannot yield NaN here.
  const field = (index: number) => Number(match[index]);
  const [year, month, day, hour, minute, second] = [
    field(1),
    field(2),
    field(3),
    field(4),
    field(5),
    field(6),
  ];
  const offsetHours = field(8);
  const offsetMinutes = field(9);
  const sign = match[7] === "-" ? -1 : 1;
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wallClock);
  // Date.UTC rolls 31 February over into March; a round trip catches impossible dates.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return new Date(wallClock - sign * (offsetHours * 60 + offsetMinutes) * 60_000);
}

export interface AuthorizationSignedFields {
  clientId: string;
  scope: string;
  /** Organisation scopes; appended to scope with no separator, and nothing when absent (§6.1.1). */
  scopeOrg?: string;
  timestamp: string;
  state: string;
  redirectUri: string;
}

/** Signed string of the legacy v1 `/ac`, `/te` and client_credentials: scope + timestamp + client_id + state. */
export function v1SignedString(p: {
  scope: string;
  timestamp: string;
  clientId: string;
  state: string;
}): string {
  return p.scope + p.timestamp + p.clientId + p.state;
}

/** Signed string of `GET /v2/ac`: client_id + scope + scope_org + timestamp + state + redirect_uri. */
export function authorizationSignedString(p: AuthorizationSignedFields): string {
  return p.clientId + p.scope + (p.scopeOrg ?? "") + p.timestamp + p.state + p.redirectUri;
}

/** Signed string of the `POST /v3/te` code exchange: the /v2/ac string + code. */
export function tokenSignedString(p: AuthorizationSignedFields & { code: string }): string {
  return authorizationSignedString(p) + p.code;
}

/**
 * The two v3 refresh strings in use (§5.2, UNCERTAIN which one ESIA wants): ilimurzin signs the /v2/ac
 * string; AISGorod signs client_id + scope + timestamp + state + refresh_token, without scope_org.
 */
export function refreshSignedStrings(p: AuthorizationSignedFields & { refreshToken: string }): {
  ilimurzin: string;
  aisgorod: string;
} {
  return {
    ilimurzin: authorizationSignedString(p),
    aisgorod: p.clientId + p.scope + p.timestamp + p.state + p.refreshToken,
  };
}

/** base64url without padding, the form our client sends (§6.1.2). */
export function base64UrlEncode(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64url");
}

const BASE64_ANY_ALPHABET = /^[A-Za-z0-9+/_-]*$/;

/**
 * Decodes base64url with or without padding and standard base64, as ESIA evidently does (§6.1.2).
 * Node's decoder silently skips foreign characters, so the alphabet and length are checked first.
 */
export function decodeBase64Lenient(value: string): Uint8Array | undefined {
  const unpadded = value.replace(/={1,2}$/, "");
  if (!BASE64_ANY_ALPHABET.test(unpadded) || unpadded.length % 4 === 1) return undefined;
  if (unpadded.length !== value.length && value.length % 4 !== 0) return undefined;
  return new Uint8Array(Buffer.from(unpadded.replace(/-/g, "+").replace(/_/g, "/"), "base64"));
}

/** Which scopes unlock each embedded collection of `/rs/prns/{oid}` (§11.1): ESIA filters by grant. */
export const EMBED_SCOPES = {
  contacts: ["contacts", "email", "mobile"],
  addresses: ["addresses"],
  documents: [
    "id_doc",
    "medical_doc",
    "military_doc",
    "foreign_passport_doc",
    "drivers_licence_doc",
    "birth_cert_doc",
    "residence_doc",
    "temporary_residence_doc",
  ],
  vehicles: ["vehicles"],
  organizations: ["usr_org"],
} as const satisfies Record<string, readonly string[]>;
