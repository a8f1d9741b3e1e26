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

/** Records of the file with the line each starts on (a quoted field may span lines). */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === "\n") line++;
        cell += char;
      }
    } else if (char === '"' && cell === "") quoted = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      cells.push(cell);
      if (cells.some((value) => value.trim() !== "")) records.push({ line: recordLine, cells });
      cells = [];
      cell = "";
      line++;
      recordLine = line;
    } else cell += char;
  }
  cells.push(cell);
  if (cells.some((value) => value.trim() !== "")) records.push({ line: recordLine, cells });
  return records;
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
