// The Russian of the pages: rendered views and every template's string literals are checked for the
// slips of test/support/russian-text.ts.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { renderToString } from "preact-render-to-string";
import { russianSlips, visibleText } from "../../test/support/russian-text.ts";
import { kindDefinitions } from "../modules/applications/applications.kinds.ts";
import type { ApplicationView, SlotView } from "../modules/applications/views/application.view.ts";
import { WithdrawPage } from "../modules/applications/views/confirm-pages.tsx";
import { Slot } from "../modules/applications/views/slots-section.tsx";
import { organizationStatusLabel } from "../modules/organizations/corrections.service.ts";
import type { OrganizationRow } from "../modules/organizations/organizations.repository.ts";
import { OrganizationCard } from "../modules/organizations/views/organization-card.tsx";
import { instructions, questions } from "../modules/public/views/help-content.ts";
import { counted, nouns } from "../shared/plural.ts";
import { testPageContext } from "./test-context.ts";

const ctx = testPageContext({ path: "/lk" });

const slipsOf = (html: string) => russianSlips(visibleText(html));

test("the checker finds each kind of slip it is meant to find", () => {
  const bad = [
    "144 академических часов",
    "Отозвать заявка № 3?",
    "Заявка № 1: подано",
    "Трудовая книжка (если есть стаж) (если есть)",
    "Волков вошёл(-ла) в кабинет",
    "неверные учетные данные",
    "01.12.2026 00:37 00:37",
    "(добавлена 01.12.2026 00:37)Удалить",
    "Код ошибки: UNAUTHENTICATED",
    "5 день",
  ];
  for (const text of bad) assert.notDeepEqual(russianSlips(text), [], text);
  const good =
    "144 из 144 академических часов; 144 академических часа; 1 день; 5 дней; 21 день; учёт; (PDF) файл";
  assert.deepEqual(russianSlips(good), []);
});

test("the withdrawal asks in the accusative: «Отозвать заявку № 3?»", () => {
  const view = { id: "a1", number: 3, title: "Заявка № 3" } as ApplicationView;
  const html = renderToString(<WithdrawPage ctx={ctx} view={view} />);
  assert.match(html, /Отозвать заявку № 3\?/);
  assert.deepEqual(slipsOf(html), []);
});

test("an optional slot says «(если есть)» once", () => {
  const slots = Object.values(kindDefinitions).flatMap((kind) => kind.slots);
  for (const definition of slots.filter((slot) => !slot.required)) {
    const slot = { ...definition, attached: [], options: [], types: [] } as unknown as SlotView;
    const view = { id: "a1", editable: false } as ApplicationView;
    const html = renderToString(<Slot slot={slot} view={view} csrfToken="t" errors={[]} values={{}} />);
    assert.deepEqual(slipsOf(html), [], definition.label);
  }
});

test("an individual entrepreneur's status agrees with no gender", () => {
  const entrepreneur = { ogrn: "304500116000157", status: "active" } as OrganizationRow;
  assert.equal(organizationStatusLabel(entrepreneur), "действует");
  assert.equal(organizationStatusLabel({ ...entrepreneur, status: "liquidated" }), "деятельность прекращена");
  const html = renderToString(
    <OrganizationCard
      organization={{ ...entrepreneur, fullName: "ИП Петров", inn: "500100732259" } as OrganizationRow}
    />,
  );
  assert.doesNotMatch(visibleText(html), /действующая/);
});

test("numbers and nouns agree through the one helper", () => {
  assert.equal(counted(144, nouns.academicHour), "144 академических часа");
  assert.equal(counted(1, nouns.day), "1 день");
  assert.equal(counted(5, nouns.day), "5 дней");
});

test("the help page's questions and answers have no slips", () => {
  const text = [
    ...questions.flatMap((item) => [item.question, ...item.answer]),
    ...instructions.flatMap((item) => [item.title, ...item.steps]),
  ].join(" ");
  assert.deepEqual(russianSlips(text), []);
});

/** Every string literal and JSX text of the templates, with `${…}` replaced by «1». */
function templateTexts(dir: string): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...templateTexts(path));
    else if (/\.(tsx|ts)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      const source = readFileSync(path, "utf8");
      const literals =
        source.match(/"[^"\n]*[а-яё][^"\n]*"|`[^`]*[а-яё][^`]*`|>[^<>{}]*[а-яё][^<>{}]*</gi) ?? [];
      for (const literal of literals) found.push({ file: path, text: literal.replace(/\$\{[^}]*\}/g, "1") });
    }
  }
  return found;
}

test("no template writes a gender in brackets, «учет» without ё or an undeclined «заявка»", () => {
  const slips = templateTexts(join(import.meta.dirname, "..", "modules")).flatMap(({ file, text }) =>
    russianSlips(text)
      .filter((slip) => !slip.startsWith("an English code") && !slip.startsWith("«1 "))
      .map((slip) => `${file}: ${slip}`),
  );
  assert.deepEqual(slips, []);
});
