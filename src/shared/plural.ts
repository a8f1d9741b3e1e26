// Numbers meeting nouns in Russian: the noun's form follows the number (1 день, 2 дня, 5 дней,
// 21 день, 1,5 ставки) by the CLDR rules that Intl.PluralRules("ru") implements.
const rules = new Intl.PluralRules("ru");

/** The forms of a noun after a number: one (1, 21), few (2–4, 22–24) and many (5–20, 25…). */
export type NounForms = readonly [one: string, few: string, many: string];

/** plural(5, ["день", "дня", "дней"]) → "дней"; fractions take the «few» form (1,5 ставки). */
export function plural(count: number, forms: NounForms): string {
  const category = rules.select(count);
  if (category === "one") return forms[0];
  if (category === "few" || category === "other") return forms[1];
  return forms[2];
}

/** counted(144, nouns.academicHour) → "144 академических часа". */
export function counted(count: number, forms: NounForms): string {
  return `${count.toLocaleString("ru-RU")} ${plural(count, forms)}`;
}

/** The nouns the cabinet counts, in one place so that each is spelt once. */
export const nouns = {
  academicHour: ["академический час", "академических часа", "академических часов"],
  day: ["день", "дня", "дней"],
  month: ["месяц", "месяца", "месяцев"],
  year: ["год", "года", "лет"],
  file: ["файл", "файла", "файлов"],
  row: ["строка", "строки", "строк"],
  document: ["документ", "документа", "документов"],
  application: ["заявка", "заявки", "заявок"],
  employee: ["сотрудник", "сотрудника", "сотрудников"],
  worker: ["работник", "работника", "работников"],
  record: ["запись", "записи", "записей"],
  attempt: ["попытка", "попытки", "попыток"],
  minute: ["минута", "минуты", "минут"],
  notice: ["новое уведомление", "новых уведомления", "новых уведомлений"],
  field: ["поле", "поля", "полей"],
} as const satisfies Record<string, NounForms>;
