// «Помощь» (W17, W18): the FAQ of the seed answered for this product, and only verified documents.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildPlatformApp } from "../../../test/support/platform.ts";
import { normativeDocuments, officialLink } from "./views/help-content.ts";

let app: FastifyInstance;
let html: string;

before(async () => {
  ({ app } = await buildPlatformApp());
  const response = await app.inject({ url: "/help" });
  assert.equal(response.statusCode, 200);
  html = response.body;
});
after(() => app.close());

test("every question of W17 is answered, each in its own disclosure that works without JavaScript", () => {
  for (const question of [
    "Как восстановить забытый пароль?",
    "Что делать, если телефон, привязанный к Госуслугам, недоступен?",
    "Какие браузеры поддерживаются?",
    "Что означает «Ошибка 401: неверные учётные данные»?",
    "Как включить двухэтапную проверку при входе?",
    "Можно ли работать с кабинетом с телефона?",
    "Что делать при сообщении «Сессия истекла»?",
    "Как понять, что вход в кабинет выполнен?",
  ]) {
    assert.ok(html.includes(`<summary>${question}</summary>`), question);
  }
  assert.match(html, /кабинет ФРМР их не получает и не хранит/, "the password belongs to Госуслуги");
  assert.doesNotMatch(html, /<script/);
});

test("instructions cover the first login, personal data, the personal file and the settings", () => {
  for (const id of ["first-login", "personal-data", "record", "settings"])
    assert.match(html, new RegExp(`id="${id}"`));
});

test("normative documents: the verified list only", () => {
  for (const current of [
    "№ 323-ФЗ",
    "№ 149-ФЗ",
    "№ 273-ФЗ",
    "№ 140",
    "№ 709н",
    "№ 1081н",
    "№ 1082н",
    "№ 1083н",
    "№ 205н",
    "№ 206н",
    "№ 83н",
    "№ 266",
    "№ 66н",
  ]) {
    assert.ok(html.includes(current), current);
  }
  // Unverified rows of domain/frmr.md §7 ([K]) and the invented acts of the seed must not appear.
  for (const absent of [
    "152-ФЗ",
    "210-ФЗ",
    "63-ФЗ",
    "№ 977",
    "385н",
    "123н",
    "426н",
    "534н",
    "О государственном сервисе",
  ]) {
    assert.ok(!html.includes(absent), absent);
  }
  assert.equal(normativeDocuments.length, 13);
});

test("each normative act links to its official publication, found by its own date and number", () => {
  for (const document of normativeDocuments) {
    const link = officialLink(document);
    assert.ok(link, document.title);
    const url = new URL(link);
    assert.equal(url.host, "pravo.gov.ru");
    const [, date, number] = /от (\S+) № (\S+)/.exec(document.title) ?? [];
    assert.equal(url.searchParams.get("a7date"), date);
    assert.equal(url.searchParams.get("a8"), number);
  }
  assert.equal(
    new URL(officialLink(normativeDocuments[0] ?? { title: "", note: "" }) ?? "").searchParams.get("a8"),
    "323-ФЗ",
  );
  const rendered = [
    ...html.matchAll(/<a href="(https:\/\/pravo\.gov\.ru\/[^"]+)"[^>]*rel="noopener noreferrer"/g),
  ];
  assert.equal(rendered.length, normativeDocuments.length, "every act on the page is a link");
});
