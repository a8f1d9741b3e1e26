// The staff CSV (O17): decoding (UTF-8, or windows-1251 as Excel saves it), RFC 4180 parsing with
// `;` or `,`, the columns by their Russian headers, and the check of each line on its own. Pure.
import type { ImportRow } from "./staff.schema.ts";
import { checkCard, checkPerson } from "./staff.validation.ts";

/** Header → field; headers are matched without regard to case, spaces and «ё». */
export const importColumns = [
  { header: "СНИЛС", field: "snils", required: true },
  { header: "Фамилия", field: "lastName", required: true },
  { header: "Имя", field: "firstName", required: true },
  { header: "Отчество", field: "patronymic", required: false },
  { header: "Дата рождения", field: "birthDate", required: false },
  { header: "Пол", field: "gender", required: false },
  { header: "Должность", field: "postId", required: true },
  { header: "Подразделение", field: "departmentName", required: false },
  { header: "Ставка", field: "rate", required: true },
  { header: "Тип занятия", field: "positionTypeId", required: true },
  { header: "Дата начала", field: "beginDate", required: true },
] as const;

export const MAX_IMPORT_ROWS = 20_000;
// A line of the form has eleven columns and short values; whatever a file holds beyond these caps
// is cut off, so a hostile file costs linear time and bounded memory (values this long fail the
// line's checks anyway).
const MAX_CELLS = 100;
const MAX_CELL_CHARS = 1000;

export function decodeCsv(bytes: Buffer): string {
  const text = (() => {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return new TextDecoder("windows-1251").decode(bytes);
    }
  })();
  return text.replace(/^\uFEFF/, "");
}

/**
 * Records of the file with the line each starts on (a quoted field may span lines). The scan jumps
 * between delimiters, quotes and line ends with indexOf, so it stays linear and runs in native code
 * even for a hostile 5 MB file; cells and cell lengths are capped (see above), and so is the number
 * of records: at most MAX_IMPORT_ROWS + 2 are returned, so a longer file shows as longer than allowed.
 */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const firstLine = text.slice(0, Math.min(text.indexOf("\n") >>> 0, MAX_CELLS * MAX_CELL_CHARS));
  const delimiter = firstLine.split(";").length >= firstLine.split(",").length ? ";" : ",";
  const quotes = /"+/g;
  const records: { line: number; cells: string[] }[] = [];
  const next = new NextIndex(text);
  let cells: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    if (cells.some((value) => value.trim() !== "")) records.push({ line: recordLine, cells });
    cells = [];
    recordLine = line;
  };
  // One record past the header and the row limit is enough to refuse the file; reading on would
  // only cost time.
  while (i <= text.length && records.length <= MAX_IMPORT_ROWS + 1) {
    let cell = "";
    if (text[i] === '"') {
      // A quoted cell: "" is a quote inside it; it ends at a run of quotes of odd length.
      i++;
      for (;;) {
        quotes.lastIndex = i;
        const run = quotes.exec(text);
        const at = run ? run.index : text.length;
        const length = run?.[0].length ?? 0;
        const content = text.slice(i, Math.min(at, i + MAX_CELL_CHARS));
        if (cell.length < MAX_CELL_CHARS) cell += content + '"'.repeat(Math.min(length >> 1, MAX_CELL_CHARS));
        // Line numbers count the line ends of cells of a sane length; a longer cell fails its check.
        line += content.split("\n").length - 1;
        i = at + length;
        if (length % 2 === 1 || !run) break;
      }
    }
    const end = Math.min(next.of(delimiter, i), next.of("\n", i), next.of("\r", i));
    cell = (cell + text.slice(i, Math.min(end, i + MAX_CELL_CHARS))).slice(0, MAX_CELL_CHARS);
    if (cells.length < MAX_CELLS) cells.push(cell);
    i = end;
    if (i >= text.length) break;
    if (text[i] === delimiter) {
      i++;
      if (cells.length < MAX_CELLS || text[i] === undefined) continue;
      // Cells beyond the cap are skipped at once, up to the end of the line.
      i = Math.min(next.of("\n", i), next.of("\r", i));
      if (i >= text.length) break;
    }
    i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
    line++;
    endRecord();
  }
  if (records.length <= MAX_IMPORT_ROWS + 1) endRecord();
  return records;
}

/** indexOf that remembers its last answer per character, so that repeated searches stay linear. */
class NextIndex {
  private readonly found = new Map<string, number>();
  constructor(private readonly text: string) {}

  /** Position of the next `char` at or after `from`, or the text's length when there is none. */
  of(char: string, from: number): number {
    const known = this.found.get(char);
    if (known !== undefined && known >= from) return known;
    const position = this.text.indexOf(char, from);
    const value = position < 0 ? this.text.length : position;
    this.found.set(char, value);
    return value;
  }
}

const normalHeader = (value: string) =>
  value.trim().toLocaleLowerCase("ru").replace(/ё/g, "е").replace(/\s+/g, " ");

export type HeaderCheck = { ok: true; positions: Map<string, number> } | { ok: false; message: string };

export function checkHeader(cells: readonly string[]): HeaderCheck {
  const positions = new Map<string, number>();
  cells.forEach((cell, index) => {
    const column = importColumns.find((candidate) => normalHeader(candidate.header) === normalHeader(cell));
    if (column) positions.set(column.field, index);
  });
  const missing = importColumns
    .filter((column) => column.required && !positions.has(column.field))
    .map((column) => `«${column.header}»`);
  if (missing.length > 0) {
    return {
      ok: false,
      message: `В первой строке файла нет обязательных столбцов: ${missing.join(", ")}. Скачайте образец и сверьте заголовки.`,
    };
  }
  return { ok: true, positions };
}

export type LineCheck = { ok: true; row: ImportRow } | { ok: false; messages: string[] };

export function checkLine(
  line: number,
  cells: readonly string[],
  positions: Map<string, number>,
  today: string,
): LineCheck {
  const input = Object.fromEntries(
    importColumns.map((column) => [column.field, cells[positions.get(column.field) ?? -1]?.trim()]),
  );
  const person = checkPerson(input, today);
  const card = checkCard(input);
  const messages = [...(person.ok ? [] : person.errors), ...(card.ok ? [] : card.errors)].map(
    (error) => error.message,
  );
  if (!person.ok || !card.ok) return { ok: false, messages };
  const { endDate: _notImported, ...cardValue } = card.value;
  return { ok: true, row: { line, ...person.value, ...cardValue } };
}
