// The head's registered signing certificates (O11): only the certificate is kept, never a key. A head
// may register several over time; one per person and organization is active.
import { boolean, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { moment } from "../../shared/table-columns.ts";
import { memberColumns, userId } from "../organizations/organization-columns.ts";

export const signatureCertificates = pgTable(
  "signature_certificates",
  {
    ...memberColumns("cascade"),
    /** Base64 of the DER certificate. */
    certificateDer: text("certificate_der").notNull(),
    serialHex: text("serial_hex").notNull(),
    issuerName: text("issuer_name").notNull(),
    ownerName: text("owner_name").notNull(),
    notBefore: moment("not_before").notNull(),
    notAfter: moment("not_after").notNull(),
    /** `good`, or `unchecked` when the CRL service did not answer at registration. */
    revocation: text("revocation").$type<"good" | "unchecked">().notNull(),
    active: boolean("active").notNull(),
    registeredAt: moment("registered_at").notNull(),
  },
  (table) => [
    index("signature_certificates_owner_idx").on(table.organizationId, table.userId, table.registeredAt),
  ],
);

/**
 * A signature the cabinet verified and accepted (O12): the detached CMS as uploaded or made in the
 * browser, over the exact signed bytes, with who signed, when, and by which certificate. The subject
 * is an application's agreement decision or an organization's document.
 */
export const documentSignatures = pgTable(
  "document_signatures",
  {
    ...memberColumns(),
    certificateId: uuid("certificate_id")
      .notNull()
      .references(() => signatureCertificates.id),
    subjectType: text("subject_type").$type<"approval" | "org_document" | "power_of_attorney">().notNull(),
    subjectId: uuid("subject_id").notNull(),
    /** Base64 of the signed bytes when the cabinet made them (the decision document); null for files. */
    signedContent: text("signed_content"),
    /** Hex SHA-256 of the signed bytes. */
    contentSha256: text("content_sha256").notNull(),
    /** Base64 of the DER CMS SignedData. */
    signatureDer: text("signature_der").notNull(),
    signerName: text("signer_name").notNull(),
    serialHex: text("serial_hex").notNull(),
    issuerName: text("issuer_name").notNull(),
    certificateNotAfter: moment("certificate_not_after").notNull(),
    signingTime: moment("signing_time").notNull(),
    revocation: text("revocation").$type<"good" | "unchecked">().notNull(),
    createdAt: moment("created_at").notNull(),
  },
  (table) => [index("document_signatures_subject_idx").on(table.subjectType, table.subjectId)],
);

/**
 * Wrong .pfx passwords reported by the browser, per person and certificate: the file may have been
 * stolen, so the count lives on the server and five failures lock signing for 15 minutes.
 */
export const signingPasswordFailures = pgTable(
  "signing_password_failures",
  {
    userId: userId("cascade"),
    certificateId: uuid("certificate_id")
      .notNull()
      .references(() => signatureCertificates.id, { onDelete: "cascade" }),
    failures: integer("failures").notNull(),
    lockedUntil: moment("locked_until"),
    updatedAt: moment("updated_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.certificateId] })],
);
