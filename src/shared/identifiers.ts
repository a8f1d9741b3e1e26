// Russian identifiers: check digits and display formats (domain/frmr.md §9).

const digitsOnly = (value: string): string => value.replace(/[\s\-()]/g, "");

function weightedSum(digits: string, weights: readonly number[]): number {
  return weights.reduce((sum, weight, index) => sum + weight * Number(digits[index]), 0);
}

/** Drops spaces and dashes; returns the 11 digits or undefined when the shape is wrong. */
export function normalizeSnils(value: string): string | undefined {
  const digits = digitsOnly(value);
  return /^\d{11}$/.test(digits) ? digits : undefined;
}

export function snilsControl(firstNine: string): string {
  const sum = weightedSum(firstNine, [9, 8, 7, 6, 5, 4, 3, 2, 1]);
  const control = sum < 100 ? sum : sum % 101 === 100 ? 0 : sum % 101;
  return String(control).padStart(2, "0");
}

// Check digits are defined only above 001-001-998: lower numbers were issued without them and
// stay valid whatever their last two digits (real ESIA test accounts use such numbers).
const SNILS_CHECKED_FROM = 1_001_998;

export function isValidSnils(value: string): boolean {
  const digits = normalizeSnils(value);
  if (digits === undefined) return false;
  if (Number(digits.slice(0, 9)) <= SNILS_CHECKED_FROM) return true;
  return snilsControl(digits.slice(0, 9)) === digits.slice(9);
}

/** 11 digits → `XXX-XXX-XXX YY`. */
export function formatSnils(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${digits.slice(9)}`;
}

/** Shows only the last block, as public-service sites do: `***-***-*45 95`. */
export function maskSnils(digits: string): string {
  return `***-***-*${digits.slice(7, 9)} ${digits.slice(9)}`;
}

const innDigit = (digits: string, weights: readonly number[]): string =>
  String((weightedSum(digits, weights) % 11) % 10);

export function isValidInn(value: string): boolean {
  const digits = digitsOnly(value);
  if (/^\d{10}$/.test(digits)) return innDigit(digits, [2, 4, 10, 3, 5, 9, 4, 6, 8]) === digits[9];
  if (!/^\d{12}$/.test(digits)) return false;
  return (
    innDigit(digits, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === digits[10] &&
    innDigit(digits, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === digits[11]
  );
}

/** ОГРН (13 digits, record type 1 or 5, mod 11) or ОГРНИП (15 digits, type 3, mod 13), each then mod 10. */
export function isValidOgrn(value: string): boolean {
  const digits = digitsOnly(value);
  if (/^[15]\d{12}$/.test(digits)) return ogrnControl(digits, 11n);
  if (/^3\d{14}$/.test(digits)) return ogrnControl(digits, 13n);
  return false;
}

function ogrnControl(digits: string, divisor: bigint): boolean {
  const body = BigInt(digits.slice(0, -1));
  return String((body % divisor) % 10n) === digits.slice(-1);
}

export function isValidKpp(value: string): boolean {
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(value.trim());
}
