// SQL of the extracts (C2): the random number that identifies an extract and its procedure.
import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { findRow } from "../../db/rows.ts";
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

export const findExtractByNumber = (db: DbExecutor, number: string): Promise<ExtractRow | undefined> =>
  findRow(db, accreditationExtracts, eq(accreditationExtracts.number, number));
