// The extract for its owner (C2) and the public checks (C2, C3): by the extract's number, and by
// СНИЛС and specialty. Public answers carry minimal personal data: surname and initials only.
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { formatSnils } from "../../shared/identifiers.ts";
import { moscowDay } from "../../shared/working-days.ts";
import { type CabinetActor, ownApplication } from "../applications/applications.access.ts";
import { auditSuccess } from "../audit/audit.repository.ts";
import { findProceduresBySnils, findProcedureWithPerson } from "../register/record.repository.ts";
import { dictionaries } from "../register/register.dictionaries.ts";
import type { PersonRow } from "../register/register.repository.ts";
import { renderExtractPdf } from "./extracts.pdf.ts";
import {
  EXTRACT_NUMBER,
  findExtractByApplication,
  findProcedureByExtractNumber,
} from "./extracts.repository.ts";

export interface PublicAccreditation {
  shortName: string;
  specialty: string;
  kind: string;
  passDate: string | null;
  endDate: string | null;
  protocolNumber: string | null;
  protocolDate: string | null;
  /** Passed, not excluded and not past its end date today. */
  valid: boolean;
}

export type ExtractsService = ReturnType<typeof createExtractsService>;

/** «Иванова М. П.» */
export function shortName(person: Pick<PersonRow, "lastName" | "firstName" | "patronymic">): string {
  const initials = [person.firstName, person.patronymic].filter(Boolean).map((name) => `${name?.[0]}.`);
  return [person.lastName, initials.join(" ")].filter(Boolean).join(" ");
}

export function createExtractsService({
  db,
  clock,
  publicUrl,
}: {
  db: Database;
  clock: Clock;
  publicUrl: string;
}) {
  const today = () => moscowDay(clock.now());

  function publicView(
    found: NonNullable<Awaited<ReturnType<typeof findProcedureWithPerson>>>,
  ): PublicAccreditation {
    const { procedure, person } = found;
    return {
      shortName: shortName(person),
      specialty: procedure.spec,
      kind: procedure.accreditationKind,
      passDate: procedure.passDate,
      endDate: procedure.endDate,
      protocolNumber: procedure.protocolNumber,
      protocolDate: procedure.protocolDate,
      valid: procedure.passed && (!procedure.endDate || procedure.endDate >= today()),
    };
  }

  return {
    /** The PDF of the worker's own approved application. */
    async pdfFor(
      actor: CabinetActor,
      applicationId: string,
    ): Promise<{ number: string; pdf: Buffer } | undefined> {
      const application = await ownApplication(db, actor, applicationId, "extract");
      if (application?.status !== "approved") return undefined;
      const extract = await findExtractByApplication(db, application.id);
      const found = extract ? await findProcedureWithPerson(db, extract.procedureId) : undefined;
      if (!extract || !found) return undefined;
      const { procedure, person } = found;
      const pdf = await renderExtractPdf({
        number: extract.number,
        issuedOn: moscowDay(extract.issuedAt),
        fullName: [person.lastName, person.firstName, person.patronymic].filter(Boolean).join(" "),
        snils: person.snils ? formatSnils(person.snils) : null,
        specialty: procedure.spec,
        kind: procedure.accreditationKind,
        passDate: procedure.passDate ?? "",
        endDate: procedure.endDate ?? "",
        protocolNumber: procedure.protocolNumber ?? "",
        protocolDate: procedure.protocolDate ?? "",
        institution: procedure.institution ?? "",
        verifyUrl: `${publicUrl}/verify/${extract.number}`,
      });
      await auditSuccess(db, actor, "extract.downloaded", {
        applicationId: application.id,
        extract: extract.number,
      });
      return { number: extract.number, pdf };
    },

    async verify(number: string): Promise<PublicAccreditation | undefined> {
      if (!EXTRACT_NUMBER.test(number)) return undefined;
      const found = await findProcedureByExtractNumber(db, number);
      return found ? publicView(found) : undefined;
    },

    /** C3: the latest accreditation of the person with this СНИЛС in the specialty, if any. */
    async lookup(snils: string, specialtyCode: string): Promise<PublicAccreditation | undefined> {
      const [latest] = await findProceduresBySnils(db, snils, specialtyCode);
      return latest ? publicView(latest) : undefined;
    },

    specialties: dictionaries.specialties.entries,
  };
}
