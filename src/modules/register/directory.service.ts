// The register as other systems read it (C4): persons, their whole record, employment cards and
// accreditation status. Read-only; who may see what is decided by the caller's policy (api module).
import type { DbExecutor } from "../../db/client.ts";
import {
  accreditedSpecialties,
  type CardFilter,
  cardsOfPersons,
  findCardById,
  findCards,
  findPersons,
  type PersonFilter,
} from "./directory.repository.ts";
import { findProceduresBySnils, loadRecord, type RegisterRecord } from "./record.repository.ts";

export type { CardFilter, PersonFilter, StaffCursor } from "./directory.repository.ts";

export interface AccreditationStatus {
  personId: string | null;
  status: "valid" | "expired" | "failed" | "none";
  validUntil: string | null;
  passDate: string | null;
  kind: string | null;
  specialtyName: string | null;
}

export function createRegisterDirectory({ db }: { db: DbExecutor }) {
  return {
    findPersons: (filter: PersonFilter) => findPersons(db, filter),

    async record(personId: string): Promise<RegisterRecord | undefined> {
      const [person] = await findPersons(db, { ids: [personId], limit: 1 });
      return person ? loadRecord(db, person) : undefined;
    },

    cardsOf: (personIds: readonly string[], organizationOid?: string) =>
      cardsOfPersons(db, personIds, organizationOid),

    card: (cardId: string) => findCardById(db, cardId),

    findCards: (filter: CardFilter) => findCards(db, filter),

    async specialtiesOf(
      personIds: readonly string[],
    ): Promise<Map<string, { code: string; name: string }[]>> {
      const map = new Map<string, { code: string; name: string }[]>();
      for (const row of await accreditedSpecialties(db, personIds))
        map.set(row.personId, [...(map.get(row.personId) ?? []), { code: row.code, name: row.name }]);
      return map;
    },

    /** The latest procedure in the specialty decides (C3): passed and in force, lapsed, or failed. */
    async accreditationStatus(snils: string, specId: string, today: string): Promise<AccreditationStatus> {
      const [latest] = await findProceduresBySnils(db, snils, specId);
      if (!latest)
        return {
          personId: null,
          status: "none",
          validUntil: null,
          passDate: null,
          kind: null,
          specialtyName: null,
        };
      const { procedure } = latest;
      const status = !procedure.passed
        ? "failed"
        : procedure.endDate && procedure.endDate < today
          ? "expired"
          : "valid";
      return {
        personId: latest.person.id,
        status,
        validUntil: procedure.endDate,
        passDate: procedure.passDate,
        kind: procedure.accreditationKind,
        specialtyName: procedure.spec,
      };
    },
  };
}

export type RegisterDirectory = ReturnType<typeof createRegisterDirectory>;
