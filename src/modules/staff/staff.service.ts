// O17: the organization keeps its staff's records in the register — adds a worker by СНИЛС (found in
// the register, or created from checked data), keeps employment cards, dismisses, and enters
// education, certificates and categories. Each use case starts with the power check and writes its
// audit record in the transaction of the change.
import type { Database, DbExecutor } from "../../db/client.ts";
import { normalizeSnils } from "../../shared/identifiers.ts";
import type { FieldError } from "../../ui/form.tsx";
import type { AuditEventName } from "../audit/audit.events.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import type { CabinetActor } from "../organizations/cabinet.guard.tsx";
import { insertRecord } from "../register/record.repository.ts";
import { codeAndName } from "../register/register.dictionaries.ts";
import {
  currentCardsOf,
  findCard,
  findPersonBySnils,
  findStaffMember,
  insertCards,
  insertCategory,
  insertCertificate,
  insertEducation,
  type NewCard,
  updateCard,
} from "./staff.repository.ts";
import { type CardValue, checkCard, checkDismissal, checkPerson, type Input } from "./staff.validation.ts";
import { checkCategory, checkCertificate, checkEducation } from "./staff-records.validation.ts";

export type StaffActor = Pick<CabinetActor, "organization" | "powers" | "today" | "ip"> & {
  /** The cabinet's user; null when an organization's system acts through the integration API. */
  userId: string | null;
  /** The integration API client acting for the organization, recorded in the audit. */
  apiClientId?: string;
};
/** A person in the cabinet (imports keep who started them). */
export type CabinetStaffActor = StaffActor & { userId: string };

export type StaffOutcome =
  | { ok: true; personId: string }
  | { ok: false; errors: FieldError[] }
  | { ok: false; forbidden: true };
export type AddOutcome = StaffOutcome | { ok: false; errors: FieldError[]; newPerson: true };
type Check<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** The card as the register stores it: codes with the names the dictionaries give them. */
export function cardRecord(
  organization: CabinetActor["organization"],
  card: Omit<CardValue, "endDate"> & { endDate?: string | null },
) {
  const post = codeAndName("positions", card.postId);
  const type = codeAndName("positionTypes", card.positionTypeId);
  return {
    oid: organization.frmoOid,
    organization: organization.fullName,
    nrPmuDepartName: card.departmentName,
    postId: post.code,
    postName: post.name,
    positionTypeId: type.code,
    positionTypeName: type.name,
    rate: card.rate,
    beginDate: card.beginDate,
    endDate: card.endDate ?? null,
  } satisfies Omit<NewCard, "personId">;
}

export function createStaffService({ db }: { db: Database }) {
  const forbidden = { ok: false, forbidden: true } as const;

  async function audit(
    tx: DbExecutor,
    actor: StaffActor,
    event: AuditEventName,
    details: Record<string, unknown>,
  ) {
    await writeAudit(tx, {
      event,
      outcome: "success",
      userId: actor.userId,
      organizationId: actor.organization.id,
      ip: actor.ip,
      details: actor.apiClientId ? { ...details, apiClientId: actor.apiClientId } : details,
    });
  }

  /** A staff member's record changed by `write`, with the audit record, if the person is the organization's. */
  async function changeMember(
    actor: StaffActor,
    personId: string,
    event: AuditEventName,
    write: (tx: DbExecutor) => Promise<Record<string, unknown> | undefined>,
  ): Promise<boolean> {
    if (!(await findStaffMember(db, actor.organization.frmoOid, personId))) return false;
    return db.transaction(async (tx) => {
      const details = await write(tx);
      if (!details) return false;
      await audit(tx, actor, event, { personId, ...details });
      return true;
    });
  }

  /** A change of a staff member's record from a form: the power, the form's check, then `write` with its audit record. */
  async function changeChecked<T>(
    actor: StaffActor,
    personId: string,
    event: AuditEventName,
    check: () => Check<T>,
    write: (tx: DbExecutor, value: T) => Promise<Record<string, unknown> | undefined>,
  ): Promise<StaffOutcome> {
    if (!actor.powers.has("staff.edit")) return forbidden;
    const checked = check();
    if (!checked.ok) return checked;
    const done = await changeMember(actor, personId, event, (tx) => write(tx, checked.value));
    return done ? { ok: true, personId } : forbidden;
  }

  /** The use case that adds a record of one kind (a card, education, a certificate, a category) to a staff member. */
  const addRecord =
    <T>(
      event: AuditEventName,
      check: (input: Input, today: string) => Check<T>,
      insert: (tx: DbExecutor, personId: string, value: T, actor: StaffActor) => Promise<void>,
      details: (value: T) => Record<string, unknown>,
    ) =>
    (actor: StaffActor, personId: string, input: Input): Promise<StaffOutcome> =>
      changeChecked(
        actor,
        personId,
        event,
        () => check(input, actor.today),
        async (tx, value) => {
          await insert(tx, personId, value, actor);
          return details(value);
        },
      );

  return {
    /** Adds a worker by СНИЛС; `newPerson` asks the form for the person's data the register lacks. */
    async addWorker(actor: StaffActor, input: Input): Promise<AddOutcome> {
      if (!actor.powers.has("staff.edit")) return forbidden;
      const snils = normalizeSnils(input.snils ?? "");
      const existing = snils ? await findPersonBySnils(db, snils) : undefined;
      const card = checkCard(input);
      if (existing) {
        // The form that did not show the name asked for the person's data: it is checked for a known
        // person too, so that the answer does not tell whether the register has the СНИЛС.
        if (input.entry === "person") {
          const person = checkPerson(input, actor.today);
          const errors = [...(person.ok ? [] : person.errors), ...(card.ok ? [] : card.errors)];
          if (errors.length > 0) return { ok: false, errors, newPerson: true };
        }
        if (!card.ok) return card;
        const duplicate = (
          await currentCardsOf(db, actor.organization.frmoOid, [existing.id], actor.today)
        ).some((row) => row.postId === card.value.postId);
        if (duplicate)
          return {
            ok: false,
            errors: [
              { field: "postId", message: "У работника уже есть действующая карточка по этой должности." },
            ],
          };
        await db.transaction(async (tx) => {
          await insertCards(tx, [{ personId: existing.id, ...cardRecord(actor.organization, card.value) }]);
          await audit(tx, actor, "staff.added", { personId: existing.id, created: false });
        });
        return { ok: true, personId: existing.id };
      }
      const person = checkPerson(input, actor.today);
      const errors = [...(person.ok ? [] : person.errors), ...(card.ok ? [] : card.errors)];
      if (!person.ok || !card.ok) return { ok: false, errors, newPerson: true };
      const personId = await db.transaction(async (tx) => {
        const id = await insertRecord(tx, {
          person: person.value,
          cards: [cardRecord(actor.organization, card.value)],
        });
        if (!id) throw new Error("a person with this СНИЛС appeared meanwhile");
        await audit(tx, actor, "staff.added", { personId: id, created: true });
        return id;
      });
      return { ok: true, personId };
    },

    addCard: addRecord(
      "staff.card_added",
      checkCard,
      (tx, personId, card, actor) => insertCards(tx, [{ personId, ...cardRecord(actor.organization, card) }]),
      (card) => ({ postId: card.postId }),
    ),

    changeCard: (actor: StaffActor, personId: string, cardId: string, input: Input) =>
      changeChecked(
        actor,
        personId,
        "staff.card_changed",
        () => checkCard(input),
        async (tx, card) => {
          if (!(await findCard(tx, actor.organization.frmoOid, personId, cardId))) return undefined;
          await updateCard(tx, actor.organization.frmoOid, cardId, cardRecord(actor.organization, card));
          return { cardId };
        },
      ),

    async dismiss(actor: StaffActor, personId: string, cardId: string, input: Input): Promise<StaffOutcome> {
      if (!actor.powers.has("staff.edit")) return forbidden;
      const card = await findCard(db, actor.organization.frmoOid, personId, cardId);
      if (!card) return forbidden;
      const endDate = checkDismissal(input, card);
      if (!endDate.ok) return endDate;
      const done = await changeMember(actor, personId, "staff.dismissed", async (tx) => {
        await updateCard(tx, actor.organization.frmoOid, cardId, { endDate: endDate.value });
        return { cardId, endDate: endDate.value };
      });
      return done ? { ok: true, personId } : forbidden;
    },

    addEducation: addRecord("staff.education_added", checkEducation, insertEducation, (education) => ({
      kind: education.kind.code,
    })),
    addCertificate: addRecord(
      "staff.certificate_added",
      checkCertificate,
      insertCertificate,
      (certificate) => ({ specId: certificate.specialty.code }),
    ),
    addCategory: addRecord("staff.category_added", checkCategory, insertCategory, (category) => ({
      categoryId: category.category.code,
    })),
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
