// Checks of the text a person reads for the slips that Russian templates tend to make: a noun that
// does not agree with the number before it, «(-ла)»-style gender brackets, «учет» without «ё»,
// a time written twice, a bracket glued to the next word, a qualifier repeated, English error codes.
import { plural } from "../../src/shared/plural.ts";

/** The counted nouns: a form that does not match its number is a slip (except after «из», «до», «не меньше»). */
const counted: readonly (readonly [string, string, string])[] = [
  ["академический час", "академических часа", "академических часов"],
  ["день", "дня", "дней"],
  ["файл", "файла", "файлов"],
  ["строка", "строки", "строк"],
  ["документ", "документа", "документов"],
  ["заявка", "заявки", "заявок"],
  ["сотрудник", "сотрудника", "сотрудников"],
  ["работник", "работника", "работников"],
  ["запись", "записи", "записей"],
];

/** The visible text of an HTML page: tags dropped, entities that matter decoded, spaces folded. */
export function visibleText(html: string): string {
  return (
    html
      .replace(/<(script|style)[\s\S]*?<\/\1>/g, " ")
      // Block elements break the line; inline ones (span, a, button, an inline form) do not.
      .replace(
        /<\/?(p|div|h\d|li|dt|dd|label|legend|td|th|option|section|ul|ol|dl|br|title|nav|header|footer|main|summary|details|fieldset)\b[^>]*>/g,
        " ",
      )
      .replace(/<[^>]+>/g, "")
      .replace(/&nbsp;|&#160;/g, " ")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&")
      .replace(/\s+/g, " ")
  );
}

/** The slips found in a text, each with the words around it. */
export function russianSlips(text: string): string[] {
  const slips: string[] = [];
  const around = (index: number) => text.slice(Math.max(0, index - 30), index + 40);
  for (const forms of counted) {
    const pattern = new RegExp(`(?<![\\d,.])(\\d+) (${forms.join("|")})(?![а-яё])`, "g");
    for (const match of text.matchAll(pattern)) {
      const before = text.slice(Math.max(0, (match.index ?? 0) - 12), match.index);
      if (/(из|до|от|не меньше|не больше|более|менее|свыше) $/.test(before)) continue;
      const expected = plural(Number(match[1]), forms as [string, string, string]);
      if (expected !== match[2])
        slips.push(`«${match[1]} ${match[2]}» (нужно «${expected}»): ${around(match.index ?? 0)}`);
    }
  }
  const patterns: [RegExp, string][] = [
    [/[а-яё]\((-?ла|а|ась|ся)\)/gi, "gender in brackets"],
    [/[а-яё]\(-ла\)|\(-ла\)/gi, "gender in brackets"],
    [/(?<![а-яё])учет/gi, "«учёт» without ё"],
    [/(\d\d:\d\d)(?: \d\d\.\d\d\.\d{4})? \1(?!\d)/g, "time written twice"],
    [/\([^()]*\)[А-ЯЁа-яё]/g, "no space after a bracket"],
    [/(\(если есть[^)]*\)) ?\(если есть\)/g, "qualifier repeated"],
    [/\b[A-Z][A-Z_]{5,}\b/g, "an English code in the text"],
    [
      /Отозвать заявка|Заявка № \d+: (подано|согласовано|одобрено|отклонено|отозвано|черновик)/g,
      "«заявка» not declined",
    ],
  ];
  for (const [pattern, what] of patterns) {
    for (const match of text.matchAll(pattern)) slips.push(`${what}: ${around(match.index ?? 0)}`);
  }
  return slips;
}
