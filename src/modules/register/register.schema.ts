// The person of the register (ФРМР «Person», domain/frmr.md §2.2) with identity documents and
// addresses, and the ESIA data the person brought at their last login. Field names follow ФРМР.
import { index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { EsiaPerson } from "../../esia/identity-provider.ts";
import { day, generatedId, moment } from "../../shared/table-columns.ts";
import { users } from "../identity/identity.schema.ts";

/** A worker in the register; linked to the cabinet's user by СНИЛС at their first login. */
export const registerPersons = pgTable(
  "register_persons",
  {
    id: generatedId(),
    /** ФРМР oid of the person, once known from the federal register. */
    oid: text("oid").unique(),
    userId: uuid("user_id")
      .unique()
      .references(() => users.id, { onDelete: "set null" }),
    esiaOid: text("esia_oid").unique(),
    /** 11 digits */
    snils: text("snils").unique(),
    lastName: text("last_name").notNull(),
    firstName: text("first_name").notNull(),
    patronymic: text("patronymic"),
    gender: text("gender").$type<"M" | "F">(),
    birthDate: day("birth_date"),
    /** 12 digits */
    inn: text("inn"),
    phone: text("phone"),
    email: text("email"),
    updatedAt: moment("updated_at").notNull().defaultNow(),
  },
  // The organization's staff list is sorted by name and paged (organizations' cabinet, O17).
  (table) => [index("register_persons_name_idx").on(table.lastName, table.firstName, table.id)],
);

/** The register's person the row belongs to; it goes with the person. */
export const personId = () =>
  uuid("person_id")
    .notNull()
    .references(() => registerPersons.id, { onDelete: "cascade" });

/** ДУЛ; one document of each kind (the current one), as ФРМР keeps it. */
export const registerIdentityDocuments = pgTable(
  "register_identity_documents",
  {
    id: generatedId(),
    personId: personId(),
    /** Code in НСИ 1.2.643.5.1.13.13.99.2.48 (1 = паспорт РФ). */
    documentId: text("document_id").notNull(),
    documentName: text("document_name").notNull(),
    serial: text("serial"),
    number: text("number").notNull(),
    passDate: day("pass_date"),
    passOrg: text("pass_org"),
    /** `NNN-NNN` */
    codeOrg: text("code_org"),
  },
  (table) => [uniqueIndex("register_identity_documents_kind_idx").on(table.personId, table.documentId)],
);

export const registerAddresses = pgTable(
  "register_addresses",
  {
    id: generatedId(),
    personId: personId(),
    addressTypeId: text("address_type_id").notNull(),
    addressTypeName: text("address_type_name").notNull(),
    regDate: day("reg_date"),
    address: text("address").notNull(),
  },
  (table) => [index("register_addresses_person_idx").on(table.personId)],
);

/** What ESIA said about the user at their last login: the reference the register is compared with. */
export const esiaSnapshots = pgTable("esia_snapshots", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  person: jsonb("person").$type<EsiaPerson>().notNull(),
  receivedAt: moment("received_at").notNull(),
});
