// «Добавить работника» must not turn СНИЛС numbers into names: the name shows only with the matching
// birth date, an unknown СНИЛС and a wrong birth date get the same page, every lookup is in the journal
// (without the СНИЛС) and a user's lookups are limited per hour.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { snilsFrom } from "../../src/esia-standin/seed-ids.ts";
import { auditEvents } from "../../src/modules/audit/audit.schema.ts";
import { insertRecord } from "../../src/modules/register/record.repository.ts";
import {
  type CabinetHarness,
  personas,
  type Session,
  startCabinet,
} from "../support/organization-cabinet.ts";

let h: CabinetHarness;
let head: Session;
const known = snilsFrom("810000001");
const unknown = snilsFrom("810000002");
before(async () => {
  h = await startCabinet({ env: { STAFF_LOOKUPS_PER_HOUR: "5" } });
  head = await h.signIn(personas.head);
  await insertRecord(h.deps.database.db, {
    person: { snils: known, lastName: "Секретова", firstName: "Вера", birthDate: "1980-01-15" },
    cards: [],
  });
});
after(() => h?.close());

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
/** The page as a stranger compares it: without the СНИЛС itself and the per-request tokens. */
const shape = (html: string, snils: string) =>
  html
    .replaceAll(snils, "S")
    .replaceAll(`${snils.slice(0, 3)}-${snils.slice(3, 6)}-${snils.slice(6, 9)} ${snils.slice(9)}`, "S")
    .replace(/name="_csrf" value="[^"]*"/g, "")
    .replace(/nonce="[^"]*"/g, "");
const lookup = (snils: string, birthDate: string) =>
  h.send(head, "GET", `/org/staff/add?snils=${snils}&birthDate=${birthDate}`);

test("a wrong birth date answers exactly like an unknown СНИЛС; the right one shows the name", async () => {
  const wrong = await lookup(known, "16.01.1980");
  const none = await lookup(unknown, "16.01.1980");
  assert.equal(wrong.statusCode, 200);
  assert.doesNotMatch(text(wrong.body), /Секретова/);
  assert.equal(shape(wrong.body, known), shape(none.body, unknown));
  const right = await lookup(known, "15.01.1980");
  assert.match(text(right.body), /Работник найден в регистре: Секретова Вера/);
  assert.equal((await lookup(known, "")).statusCode, 400, "the birth date is required");
});

test("the entry form checks the person's data for a known СНИЛС too, so its answer tells nothing", async () => {
  const post = (snils: string) =>
    h.send(head, "POST", "/org/staff/add", {
      form: {
        snils,
        entry: "person",
        lookupBirthDate: "1980-01-16",
        lastName: "",
        firstName: "",
        postId: "109",
      },
    });
  const [a, b] = [await post(known), await post(unknown)];
  assert.equal(a.statusCode, 400);
  assert.equal(shape(a.body, known), shape(b.body, unknown));
  assert.doesNotMatch(text(a.body), /Секретова/);
});

test("lookups are journaled without the СНИЛС and limited per user and hour", async () => {
  const rows = await h.deps.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.event, "staff.looked_up"), eq(auditEvents.outcome, "success")));
  assert.ok(rows.length >= 5);
  assert.ok(rows.some((row) => row.details.matched === true));
  for (const row of rows) assert.doesNotMatch(JSON.stringify(row.details), new RegExp(`${known}|${unknown}`));
  // Five per hour in this test: the sixth lookup and any addition are refused, with a Russian reason.
  const limited = await lookup(known, "15.01.1980");
  assert.equal(limited.statusCode, 429);
  assert.match(text(limited.body), /проверено слишком много СНИЛС/);
  assert.doesNotMatch(text(limited.body), /Секретова/);
  const add = await h.send(head, "POST", "/org/staff/add", {
    form: { snils: known, postId: "109", rate: "1", positionTypeId: "main", beginDate: "2024-09-01" },
  });
  assert.equal(add.statusCode, 429);
  const denied = await h.deps.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.event, "staff.looked_up"), eq(auditEvents.outcome, "denied")));
  assert.equal(denied.length, 1);
});
