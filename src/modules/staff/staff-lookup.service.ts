// «Добавить работника» turns a СНИЛС into a name only with the person's birth date, so that a holder of
// `staff.edit` cannot walk СНИЛС numbers into names; every lookup is audited and counted per user.
import { and, count, eq, gt, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { isValidSnils, normalizeSnils } from "../../shared/identifiers.ts";
import type { FieldError } from "../../ui/form.tsx";
import { writeAudit } from "../audit/audit.repository.ts";
import { auditEvents } from "../audit/audit.schema.ts";
import { parseDate } from "../register/personal-data.validation.ts";
import { findPersonBySnils } from "./staff.repository.ts";
import type { StaffActor } from "./staff.service.ts";

export type LookupOutcome =
  | { kind: "invalid"; errors: FieldError[] }
  | { kind: "limited" }
  /** The register has the person and the birth date matches: the name may be shown. */
  | { kind: "known"; snils: string; birthDate: string; fullName: string }
  /** Unknown, or known with another birth date: the same answer, so that neither is revealed. */
  | { kind: "entry"; snils: string; birthDate: string };

/** Events that tell a user something about a СНИЛС: lookups and additions count against one limit. */
const countedEvents = ["staff.looked_up", "staff.added"] as const;
const HOUR_MS = 60 * 60 * 1000;

export const lookupLimitMessage =
  "За последний час проверено слишком много СНИЛС. Пожалуйста, продолжите позже или загрузите работников файлом.";

export function createStaffLookupService({ db, perHour }: { db: Database; perHour: number }) {
  /** Lookups and additions by the user in the last hour (the journal is the counter, across instances). */
  async function usedThisHour(userId: string): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.userId, userId),
          gt(auditEvents.occurredAt, new Date(Date.now() - HOUR_MS)),
          inArray(auditEvents.event, [...countedEvents]),
        ),
      );
    return row?.n ?? 0;
  }

  return {
    /** Whether the user may look up or add one more worker now. */
    async withinLimit(actor: StaffActor): Promise<boolean> {
      return actor.userId === null || (await usedThisHour(actor.userId)) < perHour;
    },

    async lookup(actor: StaffActor, input: { snils?: string; birthDate?: string }): Promise<LookupOutcome> {
      const errors: FieldError[] = [];
      const snils = normalizeSnils(input.snils ?? "");
      if (!snils || !isValidSnils(snils))
        errors.push({ field: "snils", message: "Проверьте СНИЛС: 11 цифр с верным контрольным числом." });
      const birthDate = parseDate(input.birthDate);
      if (!birthDate)
        errors.push({
          field: "birthDate",
          message: input.birthDate?.trim()
            ? "Дата рождения — в формате ДД.ММ.ГГГГ."
            : "Укажите дату рождения работника.",
        });
      if (errors.length > 0 || !snils || !birthDate) return { kind: "invalid", errors };
      if (!(await this.withinLimit(actor))) {
        await writeAudit(db, {
          event: "staff.looked_up",
          outcome: "denied",
          userId: actor.userId,
          organizationId: actor.organization.id,
          ip: actor.ip,
          details: { reason: "rate_limited" },
        });
        return { kind: "limited" };
      }
      const person = await findPersonBySnils(db, snils);
      const matched = person !== undefined && person.birthDate === birthDate;
      // Only the record's id, never the СНИЛС: the journal holds no personal data.
      await writeAudit(db, {
        event: "staff.looked_up",
        outcome: "success",
        userId: actor.userId,
        organizationId: actor.organization.id,
        ip: actor.ip,
        details: matched ? { matched: true, personId: person.id } : { matched: false },
      });
      if (!matched) return { kind: "entry", snils, birthDate };
      const fullName = [person.lastName, person.firstName, person.patronymic].filter(Boolean).join(" ");
      return { kind: "known", snils, birthDate, fullName };
    },
  };
}

export type StaffLookupService = ReturnType<typeof createStaffLookupService>;
