import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { applications } from "../applications/applications.schema.ts";
import { registerAccreditationProcedures } from "../register/register-record.schema.ts";

/**
 * The extract (выписка) of a passed accreditation (C2). Its number is random, printed on the PDF
 * and in its QR code; /verify/<number> confirms the record without revealing more than needed.
 */
export const accreditationExtracts = pgTable("accreditation_extracts", {
  number: text("number").primaryKey(),
  applicationId: uuid("application_id")
    .notNull()
    .unique()
    .references(() => applications.id),
  /** The register's accreditation procedure the decision created. */
  procedureId: uuid("procedure_id")
    .notNull()
    .references(() => registerAccreditationProcedures.id),
  issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
});
