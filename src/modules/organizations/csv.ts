// CSV downloads of the cabinet (reports, journal, import reports): `;`-separated with a BOM, the way
// Excel in a Russian locale opens them, with formula injection neutralised.

export type CsvValue = string | number | null | undefined;

/** A number as Excel in a Russian locale reads it: a decimal comma, no grouping (`7,75`, `-3`). */
export function csvNumber(value: number): string {
  return Number.isFinite(value) ? String(value).replace(".", ",") : "";
}

export function csvCell(value: CsvValue): string {
  // A number is never a formula, a negative one included, so it skips the guard below.
  if (typeof value === "number") return csvNumber(value);
  const text = value === null || value === undefined ? "" : value;
  // A leading =, +, - or @ would make a spreadsheet run the cell as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(";")}\r\n`;
}

/** A whole file: the byte order mark, the header line and the rows. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${csvLine(header)}${rows.map(csvLine).join("")}`;
}

/** Headers of a CSV download under `filename` (ASCII, so that no encoding of the name is needed). */
export function csvHeaders(filename: string) {
  return {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${filename}"`,
    "cache-control": "no-store",
  };
}
