// Use cases of the worker's register record: linking at login, personal data (W5), the personal
// file (W6). Every query is keyed by the actor, so a worker only ever reaches their own record.
import type { Database, DbExecutor } from "../../db/client.ts";
import type { EsiaPerson } from "../../esia/identity-provider.ts";
import type { Clock } from "../../shared/clock.ts";
import type { FieldError } from "../../ui/form.tsx";
import { auditSuccess } from "../audit/audit.repository.ts";
import { moscowDate } from "./expiry.ts";
import {
  compareWithEsia,
  countMismatches,
  esiaFacts,
  type FieldComparison,
  registerFacts,
} from "./mismatch.ts";
import {
  type PersonalDataChange,
  type PersonalDataInput,
  validatePersonalData,
} from "./personal-data.validation.ts";
import { listPracticeRights, loadRecord, type RegisterRecord } from "./record.repository.ts";
import { type Actor, authorizeWorker } from "./register.policy.ts";
import {
  findEsiaSnapshot,
  findPassport,
  findPersonByUserId,
  findPersonWithPassport,
  type IdentityDocumentRow,
  isSnilsTaken,
  linkPersonBySnils,
  type PersonRow,
  saveEsiaSnapshot,
  updatePersonalData,
} from "./register.repository.ts";

export interface PersonalData {
  esia: EsiaPerson | undefined;
  person: PersonRow | undefined;
  passport: IdentityDocumentRow | undefined;
  comparisons: FieldComparison[];
}

export type PersonalDataUpdate =
  | { ok: true; changed: string[] }
  | { ok: false; reason: "no-record" }
  | { ok: false; reason: "invalid"; errors: FieldError[] };

export interface RegisterSummary {
  hasRecord: boolean;
  /** Per specialty, the latest end of the right to practise (accreditation or certificate). */
  rights: { specName: string; endDate: string }[];
  mismatchCount: number;
}

export interface RegisterService {
  /** Called by the identity service inside the login transaction. */
  recordSignIn(tx: DbExecutor, userId: string, person: EsiaPerson, ip: string): Promise<void>;
  personalData(actor: Actor): Promise<PersonalData>;
  updatePersonalData(actor: Actor, input: PersonalDataInput): Promise<PersonalDataUpdate>;
  /** The whole personal file, or undefined when the register has no record for the person. */
  record(actor: Actor): Promise<RegisterRecord | undefined>;
  /** What the home page warns about (W4). */
  summary(actor: Actor): Promise<RegisterSummary>;
  /** `YYYY-MM-DD` in Moscow: the day expiry dates are measured from. */
  today(): string;
}

export function createRegisterService({ db, clock }: { db: Database; clock: Clock }): RegisterService {
  async function personalData(actor: Actor): Promise<PersonalData> {
    await authorizeWorker(db, actor, "register.read");
    const [esia, { person, passport }] = await Promise.all([
      findEsiaSnapshot(db, actor.id),
      findPersonWithPassport(db, actor.id),
    ]);
    const comparisons = compareWithEsia(
      esia ? esiaFacts(esia) : {},
      person ? registerFacts(person, passport) : {},
    );
    return { esia, person, passport, comparisons };
  }

  return {
    async recordSignIn(tx, userId, person, ip) {
      await saveEsiaSnapshot(tx, userId, person, clock.now());
      if (!person.snils || (await findPersonByUserId(tx, userId))) return;
      const personId = await linkPersonBySnils(tx, { userId, esiaOid: person.oid, snils: person.snils });
      if (personId) {
        await auditSuccess(tx, { userId, ip }, "register.person_linked", { personId });
      }
    },

    personalData,

    async updatePersonalData(actor, input) {
      await authorizeWorker(db, actor, "register.edit");
      const person = await findPersonByUserId(db, actor.id);
      if (!person) return { ok: false, reason: "no-record" };
      const result = validatePersonalData(input, {
        snilsEditable: person.snils === null,
        today: moscowDate(clock.now()),
        birthDate: person.birthDate,
      });
      if (!result.ok) return { ok: false, reason: "invalid", errors: result.errors };
      const snilsError = result.value.snils
        ? await snilsProblem(db, actor.id, person.id, result.value.snils)
        : undefined;
      if (snilsError)
        return { ok: false, reason: "invalid", errors: [{ field: "snils", message: snilsError }] };
      const changed = changedFields(person, await findPassport(db, person.id), result.value);
      if (changed.length === 0) return { ok: true, changed };
      await db.transaction(async (tx) => {
        await updatePersonalData(tx, person.id, result.value, clock.now());
        await auditSuccess(tx, { userId: actor.id, ip: actor.ip }, "register.personal_data_changed", {
          personId: person.id,
          fields: changed,
        });
      });
      return { ok: true, changed };
    },

    async record(actor) {
      await authorizeWorker(db, actor, "register.read");
      const person = await findPersonByUserId(db, actor.id);
      return person ? loadRecord(db, person) : undefined;
    },

    async summary(actor) {
      const data = await personalData(actor);
      if (!data.person) return { hasRecord: false, rights: [], mismatchCount: 0 };
      const rights = latestRights(await listPracticeRights(db, data.person.id));
      return { hasRecord: true, rights, mismatchCount: countMismatches(data.comparisons) };
    },

    today: () => moscowDate(clock.now()),
  };
}

// A СНИЛС entered by the worker must be theirs: the one ESIA knows, and nobody else's in the register.
async function snilsProblem(db: Database, userId: string, personId: string, snils: string) {
  const esiaSnils = (await findEsiaSnapshot(db, userId))?.snils;
  if (esiaSnils && esiaSnils !== snils)
    return "СНИЛС не совпадает с указанным на Госуслугах. Проверьте цифры";
  if (await isSnilsTaken(db, snils, personId)) {
    return "Этот СНИЛС уже записан в регистре за другим человеком. Обратитесь в отдел кадров вашей организации";
  }
  return undefined;
}

/** Names of the fields the change actually alters (for the journal; never the values). */
export function changedFields(
  person: Pick<PersonRow, "inn" | "snils">,
  passport: Pick<IdentityDocumentRow, "serial" | "number" | "passDate" | "passOrg" | "codeOrg"> | undefined,
  change: PersonalDataChange,
): string[] {
  const pairs: [string, unknown, unknown][] = [
    ["passportSeries", passport?.serial, change.passport.serial],
    ["passportNumber", passport?.number, change.passport.number],
    ["passportIssueDate", passport?.passDate, change.passport.passDate],
    ["passportIssuedBy", passport?.passOrg, change.passport.passOrg],
    ["passportDivisionCode", passport?.codeOrg, change.passport.codeOrg],
    ["inn", person.inn, change.inn],
    ["snils", person.snils, change.snils ?? person.snils],
  ];
  return pairs.filter(([, before, after]) => (before ?? null) !== (after ?? null)).map(([field]) => field);
}

/** The latest end date per specialty: a newer accreditation supersedes an old certificate. */
export function latestRights(
  rows: readonly { specId: string | null; specName: string | null; endDate: string | null }[],
): RegisterSummary["rights"] {
  const latest = new Map<string, { specName: string; endDate: string }>();
  for (const row of rows) {
    if (!row.endDate || !row.specName) continue;
    const key = row.specId ?? row.specName;
    const known = latest.get(key);
    if (!known || known.endDate < row.endDate)
      latest.set(key, { specName: row.specName, endDate: row.endDate });
  }
  return [...latest.values()];
}
