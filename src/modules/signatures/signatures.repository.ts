// SQL of the signature module: the head's certificates.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { documentSignatures, signatureCertificates } from "./signatures.schema.ts";

export type CertificateRow = typeof signatureCertificates.$inferSelect;
type Tx = Pick<Database, "insert" | "update" | "select">;
export type SignatureRow = typeof documentSignatures.$inferSelect;
export type SignatureSubject = SignatureRow["subjectType"];

export async function listCertificates(
  db: Tx,
  organizationId: string,
  userId: string,
): Promise<CertificateRow[]> {
  return db
    .select()
    .from(signatureCertificates)
    .where(
      and(eq(signatureCertificates.organizationId, organizationId), eq(signatureCertificates.userId, userId)),
    )
    .orderBy(desc(signatureCertificates.registeredAt))
    .limit(50);
}

/** Inserts the certificate as the active one; the person's previous certificates stop being active. */
export async function insertActiveCertificate(
  tx: Tx,
  row: Omit<typeof signatureCertificates.$inferInsert, "id" | "active">,
): Promise<CertificateRow> {
  await tx
    .update(signatureCertificates)
    .set({ active: false })
    .where(
      and(
        eq(signatureCertificates.organizationId, row.organizationId),
        eq(signatureCertificates.userId, row.userId),
      ),
    );
  const [inserted] = await tx
    .insert(signatureCertificates)
    .values({ ...row, active: true })
    .returning();
  if (!inserted) throw new Error("certificate insert returned nothing");
  return inserted;
}

export async function insertSignature(
  tx: Tx,
  row: Omit<typeof documentSignatures.$inferInsert, "id">,
): Promise<SignatureRow> {
  const [inserted] = await tx.insert(documentSignatures).values(row).returning();
  if (!inserted) throw new Error("signature insert returned nothing");
  return inserted;
}

/** The signatures of the given subjects of one organization, oldest first. */
export async function signaturesOf(
  db: Tx,
  subjectType: SignatureSubject,
  subjectIds: readonly string[],
): Promise<SignatureRow[]> {
  if (subjectIds.length === 0) return [];
  return db
    .select()
    .from(documentSignatures)
    .where(
      and(
        eq(documentSignatures.subjectType, subjectType),
        inArray(documentSignatures.subjectId, [...subjectIds]),
      ),
    )
    .orderBy(asc(documentSignatures.createdAt));
}

export async function findSignature(db: Tx, id: string): Promise<SignatureRow | undefined> {
  const [row] = await db.select().from(documentSignatures).where(eq(documentSignatures.id, id)).limit(1);
  return row;
}
