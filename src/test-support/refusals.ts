// Parsers and normalisers answer undefined for what they refuse.
import assert from "node:assert/strict";

/** `parse` refuses every one of `values`; a failure names the value that got through. */
export function assertRefusesAll(parse: (value: string) => unknown, values: readonly string[]): void {
  for (const value of values) assert.equal(parse(value), undefined, value);
}
