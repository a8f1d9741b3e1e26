// The head's registered signing certificates (O11): only the certificate is kept, never a key. A head
// may register several over time; one per person and organization is active.
import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../identity/identity.schema.ts";
import { organizations } from "../organizations/organizations.schema.ts";

export const signatureCertificates = pgTable(
  "signature_certificates",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Base64 of the DER certificate. */
    certificateDer: text("certificate_der").notNull(),
    serialHex: text("serial_hex").notNull(),
    issuerName: text("issuer_name").notNull(),
    ownerName: text("owner_name").notNull(),
    notBefore: timestamp("not_before", { withTimezone: true }).notNull(),
    notAfter: timestamp("not_after", { withTimezone: true }).notNull(),
    /** `good`, or `unchecked` when the CRL service did not answer at registration. */
    revocation: text("revocation").$type<"good" | "unchecked">().notNull(),
    active: boolean("active").notNull(),
    registeredAt: timestamp("registered_at", { withTimezone: true }).notNull(),
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
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
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
    certificateNotAfter: timestamp("certificate_not_after", { withTimezone: true }).notNull(),
    signingTime: timestamp("signing_time", { withTimezone: true }).notNull(),
    revocation: text("revocation").$type<"good" | "unchecked">().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
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
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    certificateId: uuid("certificate_id")
      .notNull()
      .references(() => signatureCertificates.id, { onDelete: "cascade" }),
    failures: integer("failures").notNull(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.certificateId] })],
);
