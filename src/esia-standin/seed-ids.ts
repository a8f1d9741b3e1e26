// Completes synthetic identifiers with their check digits, so the seed can spell out only the
// meaningful prefix and still pass the same validators the cabinet uses (domain/frmr.md §9).
import { snilsControl } from "../shared/identifiers.ts";

const weighted = (digits: string, weights: readonly number[]) =>
  weights.reduce((sum, weight, i) => sum + weight * Number(digits[i]), 0);

const innDigit = (digits: string, weights: readonly number[]) =>
  String((weighted(digits, weights) % 11) % 10);

/** 9 digits → 11-digit СНИЛС. */
export function snilsFrom(nine: string): string {
  return nine + snilsControl(nine);
}

/** 10 digits → 12-digit ИНН of a person or an individual entrepreneur. */
export function personInnFrom(ten: string): string {
  const eleven = ten + innDigit(ten, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
  return eleven + innDigit(eleven, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
}

/** 9 digits → 10-digit ИНН of an organisation. */
export function orgInnFrom(nine: string): string {
  return nine + innDigit(nine, [2, 4, 10, 3, 5, 9, 4, 6, 8]);
}

/** 12 digits → ОГРН (mod 11), or 14 digits → ОГРНИП (mod 13); each remainder then mod 10. */
export function ogrnFrom(body: string): string {
  const divisor = body.length === 12 ? 11n : 13n;
  return body + String((BigInt(body) % divisor) % 10n);
}
