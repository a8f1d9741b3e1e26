// The head's registered signing certificates (O11): only the certificate is kept, never a key. A head
// may register several over time; one per person and organization is active.
import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
