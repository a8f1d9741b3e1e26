import { sql } from "drizzle-orm";
import { date, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Where the organization's cabinet stands (O6): `incomplete` until the missing data are sent,
 * `submitted` while an operator verifies them, `corrections` when the operator returned them,
 * `active` once verified.
 */
export type CabinetActivation = "incomplete" | "submitted" | "corrections" | "active";

/** Our register of medical organizations (ФРМО): only these may enter the organization's cabinet (O1). */
export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  /** ФРМО OID, e.g. 1.2.643.5.1.13.13.12.2.77.7973 */
  frmoOid: text("frmo_oid").notNull().unique(),
  /** ОГРН (13 digits) or ОГРНИП (15 digits): the key for ЕГРЮЛ/ЕГРИП lookups. */
  ogrn: text("ogrn").notNull().unique(),
  inn: text("inn").notNull(),
  kpp: text("kpp"),
  fullName: text("full_name").notNull(),
  shortName: text("short_name").notNull(),
  /** Kind of organization (O15), one of the labels in organization-kinds.ts. */
  kind: text("kind").notNull(),
  status: text("status").$type<"active" | "liquidated">().notNull().default("active"),
  legalAddress: text("legal_address"),
  headName: text("head_name"),
  headPosition: text("head_position"),
  /** Registration date in ЕГРЮЛ/ЕГРИП. */
  registeredOn: date("registered_on", { mode: "string" }),
  contactPhone: text("contact_phone"),
  contactEmail: text("contact_email"),
  activation: text("activation").$type<CabinetActivation>().notNull().default("incomplete"),
  /** Last successful comparison with ЕГРЮЛ/ЕГРИП. */
  egrulSyncedAt: timestamp("egrul_synced_at", { withTimezone: true }),
  /** Exact messages of the differences from ЕГРЮЛ/ЕГРИП that block the cabinet; empty when none. */
  egrulMismatches: jsonb("egrul_mismatches").$type<string[]>().notNull().default([]),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
