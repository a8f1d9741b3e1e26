// Use cases of the REST API /api/v1 over the register's, organizations' and staff services. The
// first step of each is the policy check; expected failures come back as error codes.
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import type { ErrorCode } from "../../shared/errors.ts";
import { normalizeSnils } from "../../shared/identifiers.ts";
import type { FieldError } from "../../ui/form.tsx";
import type { OrganizationsDirectory } from "../organizations/organizations.directory.ts";
import type { RegisterDirectory, StaffCursor } from "../register/directory.service.ts";
import { moscowDate } from "../register/expiry.ts";
import type { StaffActor, StaffOutcome, StaffService } from "../staff/staff.service.ts";
import type { Input } from "../staff/staff.validation.ts";
import {
  type ApiCaller,
  confinedTo,
  mayReadOrganizationStaff,
  mayWriteOrganizationStaff,
  seesPersonalFile,
} from "./api.policy.ts";
import type { ChangeView, EmploymentView, PersonCardView } from "./api.schemas.ts";
import {
  decodeCursor,
  employmentView,
  encodeCursor,
  organizationView,
  personCard,
  personSummary,
} from "./api.views.ts";
import { feed, feedCursor, lastCreatedCard, latestVersions, parseFeedCursor } from "./versions.repository.ts";

export type Outcome<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; errors?: FieldError[] };
const fail = (code: ErrorCode, errors?: FieldError[]) =>
  ({ ok: false, code, ...(errors ? { errors } : {}) }) as const;

export interface PersonQuery {
  snils?: string | undefined;
  lastName?: string | undefined;
  firstName?: string | undefined;
  patronymic?: string | undefined;
  birthDate?: string | undefined;
}

export interface CardBody {
  postId: string;
  departmentName?: string | null | undefined;
  rate: number;
  positionTypeId: string;
  beginDate: string;
  endDate?: string | null | undefined;
}
export type NewCardBody = CardBody &
  Omit<PersonQuery, "snils"> & { snils: string; gender?: string | undefined };

const isStaffCursor = (value: unknown): value is StaffCursor =>
  Array.isArray(value) && value.length === 3 && value.every((part) => typeof part === "string");

export interface ApiServiceDeps {
  db: Database;
  clock: Clock;
  directory: RegisterDirectory;
  organizations: OrganizationsDirectory;
  staff: StaffService;
}

export function createApiService({ db, clock, directory, organizations, staff }: ApiServiceDeps) {
  const today = () => moscowDate(clock.now());

  async function staffActor(caller: ApiCaller, frmoOid: string): Promise<StaffActor | undefined> {
    if (!mayWriteOrganizationStaff(caller, frmoOid)) return undefined;
    const organization = await organizations.byFrmoOid(frmoOid);
    if (organization?.status !== "active") return undefined;
    return {
      userId: null,
      apiClientId: caller.client.id,
      organization,
      powers: new Set(["staff.edit"]),
      today: today(),
      ip: caller.ip,
    };
  }

  async function cardsAfterWrite(
    caller: ApiCaller,
    outcome: StaffOutcome,
    frmoOid: string,
    cardId: string | undefined,
  ): Promise<Outcome<{ personId: string; card: EmploymentView }>> {
    if (!outcome.ok) {
      if ("forbidden" in outcome) return fail("NOT_FOUND");
      return fail("VALIDATION_FAILED", outcome.errors);
    }
    const id = cardId ?? (await lastCreatedCard(db, outcome.personId, frmoOid));
    const card = id ? await directory.card(id) : undefined;
    if (!card) return fail("NOT_FOUND");
    caller.personsRead.add(outcome.personId);
    return { ok: true, value: { personId: outcome.personId, card: employmentView(card, today()) } };
  }

  const cardInput = (body: CardBody): Input => ({
    postId: body.postId,
    departmentName: body.departmentName ?? undefined,
    rate: String(body.rate),
    positionTypeId: body.positionTypeId,
    beginDate: body.beginDate,
    endDate: body.endDate ?? undefined,
  });

  return {
    /** By СНИЛС (exact), or by last name, first name and birth date together. */
    async searchPersons(
      caller: ApiCaller,
      query: PersonQuery,
    ): Promise<Outcome<ReturnType<typeof personSummary>[]>> {
      const snils = query.snils ? normalizeSnils(query.snils) : undefined;
      if (query.snils && !snils)
        return fail("VALIDATION_FAILED", [{ field: "snils", message: "СНИЛС — 11 цифр." }]);
      if (!snils && !(query.lastName && query.firstName && query.birthDate))
        return fail("VALIDATION_FAILED", [
          { field: "snils", message: "Укажите СНИЛС или фамилию, имя и дату рождения." },
        ]);
      const rows = await directory.findPersons({
        snils,
        ...(snils ? {} : query),
        organizationOid: confinedTo(caller),
        limit: 20,
      });
      for (const row of rows) caller.personsRead.add(row.id);
      return { ok: true, value: rows.map((row) => personSummary(row, seesPersonalFile(caller))) };
    },

    async personCard(caller: ApiCaller, personId: string): Promise<Outcome<PersonCardView>> {
      const record = await directory.record(personId);
      const own = confinedTo(caller);
      if (!record || (own !== undefined && !record.cards.some((card) => card.oid === own)))
        return fail("NOT_FOUND");
      // An organization sees its own cards of the person, not where else the person works.
      const visible =
        own === undefined ? record : { ...record, cards: record.cards.filter((card) => card.oid === own) };
      const version = (await latestVersions(db, "person", [personId])).get(personId)?.version ?? 1;
      caller.personsRead.add(personId);
      return {
        ok: true,
        value: personCard(visible, { today: today(), version, full: seesPersonalFile(caller) }),
      };
    },

    async staffPage(
      caller: ApiCaller,
      frmoOid: string,
      query: { cursor?: string | undefined; limit: number; updatedSince?: string | undefined },
    ) {
      if (!mayReadOrganizationStaff(caller, frmoOid)) return fail("API_NOT_ALLOWED");
      const after = query.cursor ? decodeCursor(query.cursor, isStaffCursor) : undefined;
      if (query.cursor && !after)
        return fail("VALIDATION_FAILED", [
          { field: "cursor", message: "Курсор повреждён: начните с первой страницы." },
        ]);
      const since = query.updatedSince ? new Date(query.updatedSince) : undefined;
      if (since && Number.isNaN(since.getTime()))
        return fail("VALIDATION_FAILED", [{ field: "updatedSince", message: "Время — в формате ISO 8601." }]);
      const rows = await directory.findPersons({
        organizationOid: frmoOid,
        after,
        changedSince: since,
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      const cards = await directory.cardsOf(
        page.map((row) => row.id),
        frmoOid,
      );
      const last = page.at(-1);
      for (const row of page) caller.personsRead.add(row.id);
      return {
        ok: true as const,
        value: {
          items: page.map((row) => ({
            ...personSummary(row, seesPersonalFile(caller)),
            cards: cards
              .filter((card) => card.personId === row.id)
              .map((card) => employmentView(card, today())),
          })),
          next:
            rows.length > query.limit && last ? encodeCursor([last.lastName, last.firstName, last.id]) : null,
        },
      };
    },

    async createCard(caller: ApiCaller, frmoOid: string, body: NewCardBody) {
      const actor = await staffActor(caller, frmoOid);
      if (!actor) return fail("API_NOT_ALLOWED");
      const outcome = await staff.addWorker(actor, {
        ...cardInput(body),
        snils: body.snils,
        lastName: body.lastName,
        firstName: body.firstName,
        patronymic: body.patronymic,
        birthDate: body.birthDate,
        gender: body.gender,
      });
      return cardsAfterWrite(caller, outcome, frmoOid, undefined);
    },

    async updateCard(caller: ApiCaller, frmoOid: string, personId: string, cardId: string, body: CardBody) {
      const actor = await staffActor(caller, frmoOid);
      if (!actor) return fail("API_NOT_ALLOWED");
      const outcome = await staff.changeCard(actor, personId, cardId, cardInput(body));
      return cardsAfterWrite(caller, outcome, frmoOid, cardId);
    },

    async closeCard(caller: ApiCaller, frmoOid: string, personId: string, cardId: string, endDate: string) {
      const actor = await staffActor(caller, frmoOid);
      if (!actor) return fail("API_NOT_ALLOWED");
      const outcome = await staff.dismiss(actor, personId, cardId, { dismissedOn: endDate });
      return cardsAfterWrite(caller, outcome, frmoOid, cardId);
    },

    async accreditation(caller: ApiCaller, snilsText: string, specialty: string) {
      const snils = normalizeSnils(snilsText);
      if (!snils) return fail("VALIDATION_FAILED", [{ field: "snils", message: "СНИЛС — 11 цифр." }]);
      const status = await directory.accreditationStatus(snils, specialty, today());
      if (status.personId) caller.personsRead.add(status.personId);
      return {
        ok: true as const,
        value: {
          snils,
          specialty: { code: specialty, name: status.specialtyName },
          status: status.status,
          validUntil: status.validUntil,
          passDate: status.passDate,
          kind: status.kind,
        },
      };
    },

    async organizations(
      caller: ApiCaller,
      query: { frmoOid?: string; ogrn?: string; inn?: string; id?: string },
    ) {
      if (!query.frmoOid && !query.ogrn && !query.inn && !query.id)
        return fail("VALIDATION_FAILED", [{ field: "frmoOid", message: "Укажите OID ФРМО, ОГРН или ИНН." }]);
      const own = confinedTo(caller);
      if (own !== undefined && query.frmoOid && query.frmoOid !== own) return fail("API_NOT_ALLOWED");
      const rows = await organizations.find({
        ...query,
        ...(own !== undefined ? { frmoOid: own } : {}),
        limit: 100,
      });
      return { ok: true as const, value: rows.map(organizationView) };
    },

    /** The change feed after `after` (the `next` of the previous page), in commit-safe order. */
    async changes(caller: ApiCaller, afterText: string | undefined, limit: number) {
      const after = afterText === undefined || afterText === "0" ? undefined : parseFeedCursor(afterText);
      if (afterText !== undefined && afterText !== "0" && !after)
        return fail("VALIDATION_FAILED", [
          { field: "after", message: "Курсор повреждён: передайте значение поля next или 0." },
        ]);
      const kind = caller.client.kind;
      const rows = await feed(db, after, limit, {
        organizationOid: confinedTo(caller),
        types: kind === "insurer" ? ["card", "accreditation"] : undefined,
      });
      for (const row of rows) if (row.personId) caller.personsRead.add(row.personId);
      const items: ChangeView[] = rows.map((row) => ({
        cursor: feedCursor(row),
        resourceType: row.resourceType,
        id: row.resourceId,
        version: row.version,
        operation: row.operation,
        personId: row.personId,
        organizationOid: row.organizationOid,
        changedAt: row.changedAt.toISOString(),
      }));
      const last = rows.at(-1);
      return { ok: true as const, value: { items, next: last ? feedCursor(last) : (afterText ?? "0") } };
    },
  };
}

export type ApiService = ReturnType<typeof createApiService>;
