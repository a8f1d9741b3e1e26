// Russian phone numbers: people type them in many ways (+7 900 …, 8 (900) …, 900…), while lookups and
// storage need one canonical form. Only Russian numbers (country code 7, ten national digits) are handled,
// which is what ЕСИА accepts as a login.

/** Separators people put into phone numbers; anything else (letters, extra `+`) makes the input invalid. */
const SEPARATORS = /[\s\-().\u00a0\u2010-\u2015]/g;

/** `+7XXXXXXXXXX`, or undefined when the input is not a Russian phone number. */
export function normalizePhone(input: string): string | undefined {
  const compact = input.trim().replace(SEPARATORS, "");
  const match = /^(?:\+7|8|7)?(\d{10})$/.exec(compact);
  if (!match) return undefined;
  const national = match[1] as string;
  // National numbers start with a geographic (3, 4, 8) or mobile (9) code; 0, 1, 2, 5, 6, 7 do not occur.
  if (!/^[3489]/.test(national)) return undefined;
  return `+7${national}`;
}

/** `+7XXXXXXXXXX` → `+7 900 100-00-01`, the way the number is shown to people. */
export function formatPhone(normalized: string): string {
  const d = normalized.slice(2);
  return `+7 ${d.slice(0, 3)} ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8, 10)}`;
}

/** Shows only the last four digits, e.g. on "code sent to" messages: `+7 *** ***-00-01`. */
export function maskPhone(normalized: string): string {
  const d = normalized.slice(2);
  return `+7 *** ***-${d.slice(6, 8)}-${d.slice(8, 10)}`;
}
