// SQL of the signature module: the head's certificates.
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { signatureCertificates } from "./signatures.schema.ts";

export type CertificateRow = typeof signatureCertificates.$inferSelect;
type Tx = Pick<Database, "insert" | "update" | "select">;

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
