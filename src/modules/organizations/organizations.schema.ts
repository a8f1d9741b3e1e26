import { sql } from "drizzle-orm";
import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Our register of medical organizations (ФРМО): only these may enter the organization's cabinet (O1). */
export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  /** ФРМО OID, e.g. 1.2.643.5.1.13.13.12.2.77.7973 */
  frmoOid: text("frmo_oid").notNull().unique(),
  ogrn: text("ogrn").notNull().unique(),
  inn: text("inn").notNull(),
  kpp: text("kpp"),
  fullName: text("full_name").notNull(),
  shortName: text("short_name").notNull(),
  /** Kind of organization (O15), e.g. «медицинская организация». */
  kind: text("kind").notNull(),
  status: text("status").$type<"active" | "liquidated">().notNull().default("active"),
  legalAddress: text("legal_address"),
  headName: text("head_name"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
