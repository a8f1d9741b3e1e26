// SQL of the extracts (C2): the random number that identifies an extract and its procedure.
import { randomInt } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { prepared } from "../../db/prepared.ts";
import { findRow } from "../../db/rows.ts";
import { selectProcedureWithPerson } from "../register/record.repository.ts";
import { registerAccreditationProcedures } from "../register/register-record.schema.ts";
import { accreditationExtracts } from "./extracts.schema.ts";

export type ExtractRow = typeof accreditationExtracts.$inferSelect;

/** `1234-5678-9012`: twelve random digits, so that numbers cannot be guessed one after another. */
export function newExtractNumber(): string {
  const digits = Array.from({ length: 12 }, () => randomInt(10)).join("");
  return `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8)}`;
}

export const EXTRACT_NUMBER = /^\d{4}-\d{4}-\d{4}$/;

export async function issueExtract(
  tx: DbExecutor,
  values: { applicationId: string; procedureId: string; issuedAt: Date },
): Promise<ExtractRow> {
  const [row] = await tx
    .insert(accreditationExtracts)
    .values({ ...values, number: newExtractNumber() })
    .returning();
  if (!row) throw new Error("extract insert returned no row");
  return row;
}

export const findExtractByApplication = (
  db: DbExecutor,
  applicationId: string,
): Promise<ExtractRow | undefined> =>
  findRow(db, accreditationExtracts, eq(accreditationExtracts.applicationId, applicationId));

// /verify/<number> from the QR code is public and hot (issue 9): one prepared statement, the extract
// with its procedure and person.
const procedureByExtractNumber = prepared((db) =>
  selectProcedureWithPerson(db)
    .innerJoin(
      accreditationExtracts,
      eq(accreditationExtracts.procedureId, registerAccreditationProcedures.id),
    )
    .where(eq(accreditationExtracts.number, sql.placeholder("number")))
    .limit(1)
    .prepare("procedure_by_extract_number"),
);

/** The procedure and person of the extract with this number, if one was issued. */
export async function findProcedureByExtractNumber(db: DbExecutor, number: string) {
  const [row] = await procedureByExtractNumber(db).execute({ number });
  return row;
}
