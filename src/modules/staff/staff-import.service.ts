// O17: staff from a CSV file. The file is checked line by line by a job of the queue (progress on the
// import's page); when every line is right the whole file goes into the register in one
// transaction; when some are wrong nothing is imported until the user chooses to import the right
// lines only, or cancels.
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { sameName } from "../egrul/egrul.compare.ts";
import { enqueueJob } from "../jobs/jobs.repository.ts";
import { findOrganizationById } from "../organizations/organizations.repository.ts";
import { moscowDate } from "../register/expiry.ts";
import { currentCardsOf, personsBySnils } from "./staff.repository.ts";
import type { ImportLineErrors, ImportRow } from "./staff.schema.ts";
import { type CabinetStaffActor, cardRecord } from "./staff.service.ts";
import { checkHeader, checkLine, decodeCsv, MAX_IMPORT_ROWS, parseCsv } from "./staff-import.csv.ts";
import {
  findImport,
  findOrganizationImport,
  insertImport,
  insertImportCards,
  insertImportPersons,
  moveImport,
  type StaffImportRow,
} from "./staff-import.repository.ts";

/** The job that checks a file and imports it (or its right lines); payload `{ importId }`. */
export const STAFF_IMPORT_JOB = "staff.import";

const PROGRESS_EVERY = 500;

export type StartOutcome =
  | { ok: true; importId: string }
  | { ok: false; message: string }
  | { ok: false; forbidden: true };

export function createStaffImportService({ db, clock }: { db: Database; clock: Clock }) {
  /** What can only be seen against the register and the rest of the file. */
  async function crossCheck(organizationOid: string, rows: ImportRow[], today: string) {
    const errors = new Map<number, string[]>();
    const fail = (line: number, message: string) => errors.set(line, [...(errors.get(line) ?? []), message]);
    const seen = new Set<string>();
    for (const row of rows) {
      const key = `${row.snils}/${row.postId}`;
      if (seen.has(key)) fail(row.line, "Этот работник с этой должностью уже есть выше в файле.");
      seen.add(key);
    }
    // The whole file's persons and their current cards in two queries.
    const known = await personsBySnils(db, [...new Set(rows.map((row) => row.snils))]);
    const bySnils = new Map(known.map((person) => [person.snils, person]));
    const current = await currentCardsOf(
      db,
      organizationOid,
      known.map((person) => person.id),
      today,
    );
    const busy = new Set(current.map((card) => `${card.personId}/${card.postId}`));
    for (const row of rows) {
      const person = bySnils.get(row.snils);
      if (!person) continue;
      const registered = `${person.lastName} ${person.firstName} ${person.patronymic ?? ""}`;
      if (!sameName(registered, `${row.lastName} ${row.firstName} ${row.patronymic ?? ""}`)) {
        fail(row.line, "ФИО не совпадает с данными регистра для этого СНИЛС.");
      }
      if (busy.has(`${person.id}/${row.postId}`))
        fail(row.line, "У работника уже есть действующая карточка по этой должности.");
    }
    return errors;
  }

  /** Writes the rows into the register in one transaction; the import ends `done`. */
  async function importRows(record: StaffImportRow, rows: ImportRow[], from: "validating" | "importing") {
    const organization = await findOrganizationById(db, record.organizationId);
    if (!organization) throw new Error("organization of the import is gone");
    await db.transaction(async (tx) => {
      // One person per СНИЛС (the last line's data where the file repeats one); those already in
      // the register are skipped by the insert itself.
      const persons = new Map(rows.map((row) => [row.snils, row]));
      const created = await insertImportPersons(
        tx,
        [...persons.values()].map(({ snils, lastName, firstName, patronymic, birthDate, gender }) => ({
          snils,
          lastName,
          firstName,
          patronymic,
          birthDate,
          gender,
        })),
      );
      const written = await insertImportCards(
        tx,
        rows.map((row) => ({ snils: row.snils, ...cardRecord(organization, { ...row, endDate: null }) })),
      );
      if (written !== rows.length) throw new Error("person of an import row is missing");
      const moved = await moveImport(tx, record.id, from, {
        status: "done",
        importedRows: rows.length,
        processedRows: record.totalRows,
        validRows: null,
        source: null,
        finishedAt: clock.now(),
      });
      if (!moved) throw new Error("import changed state meanwhile");
      await writeAudit(tx, {
        event: "staff.imported",
        outcome: "success",
        userId: record.createdBy,
        organizationId: record.organizationId,
        details: { importId: record.id, rows: rows.length, personsCreated: created },
      });
    });
  }

  /** The check (and, for a clean file, the import), or the import of the right lines; idempotent by status. */
  async function run(id: string): Promise<void> {
    const record = await findImport(db, id);
    const organization = record && (await findOrganizationById(db, record.organizationId));
    if (!record || !organization) return;
    if (record.status === "importing") {
      await importRows(record, record.validRows ?? [], "importing").catch((error) =>
        fail(id, "importing", error),
      );
      return;
    }
    if (record.status !== "validating" || !record.source) return;
    try {
      const today = moscowDate(clock.now());
      const [header, ...lines] = parseCsv(record.source);
      const columns = header ? checkHeader(header.cells) : undefined;
      if (!columns?.ok) throw new Error("header checked at start no longer passes");
      const valid: ImportRow[] = [];
      const lineErrors = new Map<number, string[]>();
      for (const [index, { line, cells }] of lines.entries()) {
        const checked = checkLine(line, cells, columns.positions, today);
        if (checked.ok) valid.push(checked.row);
        else lineErrors.set(line, checked.messages);
        if ((index + 1) % PROGRESS_EVERY === 0)
          await moveImport(db, id, "validating", { processedRows: index + 1 });
      }
      for (const [line, messages] of await crossCheck(organization.frmoOid, valid, today))
        lineErrors.set(line, [...(lineErrors.get(line) ?? []), ...messages]);
      const good = valid.filter((row) => !lineErrors.has(row.line));
      if (lineErrors.size === 0) return await importRows(record, good, "validating");
      const errors: ImportLineErrors[] = [...lineErrors]
        .sort(([a], [b]) => a - b)
        .map(([line, messages]) => ({ line, messages }));
      await moveImport(db, id, "validating", {
        status: "needs_decision",
        processedRows: lines.length,
        validRows: good,
        errors,
        source: null,
      });
    } catch (error) {
      await fail(id, "validating", error);
    }
  }

  /** Marks the import failed for the user and rethrows, so that the job worker logs the cause. */
  async function fail(id: string, from: "validating" | "importing", error: unknown): Promise<never> {
    await moveImport(db, id, from, {
      status: "failed",
      failure: "Не удалось обработать файл из-за внутренней ошибки. Загрузите его ещё раз.",
      finishedAt: clock.now(),
    });
    throw error;
  }

  return {
    async start(actor: CabinetStaffActor, fileName: string, bytes: Buffer): Promise<StartOutcome> {
      if (!actor.powers.has("staff.edit")) return { ok: false, forbidden: true };
      const text = decodeCsv(bytes);
      const [header, ...lines] = parseCsv(text);
      if (!header || lines.length === 0)
        return {
          ok: false,
          message: "В файле нет строк с работниками: нужна строка заголовков и хотя бы одна строка данных.",
        };
      const columns = checkHeader(header.cells);
      if (!columns.ok) return { ok: false, message: columns.message };
      if (lines.length > MAX_IMPORT_ROWS)
        return {
          ok: false,
          message: `В файле больше ${MAX_IMPORT_ROWS} строк с работниками, а за один раз можно загрузить не больше ${MAX_IMPORT_ROWS}. Разделите файл.`,
        };
      const record = await db.transaction(async (tx) => {
        const row = await insertImport(tx, {
          organizationId: actor.organization.id,
          fileName: fileName.slice(0, 200),
          source: text,
          totalRows: lines.length,
          createdBy: actor.userId,
          createdAt: clock.now(),
        });
        await writeAudit(tx, {
          event: "staff.import_started",
          outcome: "success",
          userId: actor.userId,
          organizationId: actor.organization.id,
          ip: actor.ip,
          details: { importId: row.id, rows: lines.length },
        });
        await enqueueJob(tx, { kind: STAFF_IMPORT_JOB, payload: { importId: row.id }, runAt: clock.now() });
        return row;
      });
      return { ok: true, importId: record.id };
    },

    /** The job's work: see `run`. */
    run,

    /** «Загрузить только правильные строки». */
    async confirm(actor: CabinetStaffActor, id: string): Promise<boolean> {
      if (!actor.powers.has("staff.edit")) return false;
      const record = await findOrganizationImport(db, actor.organization.id, id);
      if (record?.status !== "needs_decision" || !record.validRows?.length) return false;
      return db.transaction(async (tx) => {
        if (!(await moveImport(tx, id, "needs_decision", { status: "importing" }))) return false;
        await enqueueJob(tx, { kind: STAFF_IMPORT_JOB, payload: { importId: id }, runAt: clock.now() });
        return true;
      });
    },

    async cancel(actor: CabinetStaffActor, id: string): Promise<boolean> {
      if (!actor.powers.has("staff.edit")) return false;
      const record = await findOrganizationImport(db, actor.organization.id, id);
      if (record?.status !== "needs_decision") return false;
      return db.transaction(async (tx) => {
        if (
          !(await moveImport(tx, id, "needs_decision", {
            status: "cancelled",
            validRows: null,
            finishedAt: clock.now(),
          }))
        )
          return false;
        await writeAudit(tx, {
          event: "staff.import_cancelled",
          outcome: "success",
          userId: actor.userId,
          organizationId: actor.organization.id,
          ip: actor.ip,
          details: { importId: id },
        });
        return true;
      });
    },
  };
}

export type StaffImportService = ReturnType<typeof createStaffImportService>;
