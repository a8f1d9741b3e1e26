// Item: logs without personal data. HTTP flows of every kind of person run with the log captured
// at debug level, a failed query with a person's data as its parameters is logged the way the
// error handler logs it, and the log must hold none of the seeded persons' identifiers.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import { formatSnils } from "../../src/shared/identifiers.ts";
import {
  type CabinetHarness,
  personas,
  type Session,
  startCabinet,
} from "../support/organization-cabinet.ts";

const lines: string[] = [];
const passport = { series: "4510", number: "987654", issuedBy: "ОВД района Тверской", division: "770-001" };
const inn = "500100732259";
const phone = "+79161234567";
const email = "ivanova.maria@example.ru";

let harness: CabinetHarness;
before(async () => {
  harness = await startCabinet({
    env: { LOG_LEVEL: "debug" },
    logStream: { write: (line) => void lines.push(line) },
  });
});
after(() => harness.close());

/** Every value that identifies a seeded person, in the forms it may be written. */
function identifiers(): string[] {
  const values = [
    passport.number,
    passport.issuedBy,
    `${passport.series} ${passport.number}`,
    inn,
    phone,
    email,
  ];
  for (const persona of Object.values(personas)) {
    const snils = persona.person.snils ?? "";
    values.push(snils, formatSnils(snils), persona.person.lastName);
  }
  return values.filter(Boolean);
}

async function flows(): Promise<void> {
  const sessions: Session[] = [];
  for (const persona of Object.values(personas)) sessions.push(await harness.signIn(persona));
  const [head, , , , , worker] = sessions;
  const pages = ["/lk", "/lk/personal", "/lk/documents", "/org", "/org/staff", "/review", "/org/journal"];
  for (const session of sessions) for (const page of pages) await harness.send(session, "GET", page);
  const personalData = {
    passportSeries: passport.series,
    passportNumber: passport.number,
    passportIssuedBy: passport.issuedBy,
    passportDivisionCode: passport.division,
    inn,
    snils: personas.worker.person.snils ?? "",
  };
  await harness.send(worker, "POST", "/lk/personal", { form: personalData });
  // Refused input is logged as a refusal: the values must not come with it.
  await harness.send(worker, "POST", "/lk/personal", { form: { ...personalData, inn: `${inn}\u0000` } });
  await harness.send(worker, "GET", `/lk/history?q=${encodeURIComponent(email)}\u0000`);
  await harness.send(head, "POST", "/org/staff/add", {
    form: { snils: personas.worker.person.snils ?? "", lastName: "Иванова", phone, email },
  });
  await harness.send(undefined, "GET", `/verify/${encodeURIComponent(passport.number)}`);
}

test("the log of HTTP flows and of failed queries holds no seeded person's identifier", async () => {
  await flows();
  // A failed query carries a person's data as its parameters (Drizzle puts them into its message).
  const snils = personas.worker.person.snils ?? "";
  const failure = await harness.deps.database.db
    .execute(sql`select ${snils}::uuid, ${passport.number}::int + ${email}::int`)
    .catch((error: unknown) => error);
  assert.ok(failure instanceof Error);
  harness.app.log.error({ err: failure }, "unexpected error");
  // Fields named after personal data are dropped wherever a log call passes them.
  harness.app.log.info({ person: { snils, phone, email, passportNumber: passport.number } }, "lookup");

  const log = lines.join("");
  assert.ok(lines.length > 50, "the flows wrote a log");
  assert.match(log, /"code":"22P02"/, "the database error is logged by its code");
  assert.match(log, /"query":"select \$1::uuid/, "and by its SQL text");
  const found = identifiers().filter((value) => log.includes(value));
  assert.deepEqual(found, [], "personal data in the log");
});
