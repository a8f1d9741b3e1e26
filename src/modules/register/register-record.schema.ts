// The blocks of the personal file (личное дело, domain/frmr.md §2.1): education, certificates,
// accreditation, categories, employment cards, awards. Dictionary references are `…Id` + `…Name`.
import {
  boolean,
  index,
  integer,
  numeric,
  type PgColumnBuilderBase,
  pgTable,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { day, generatedId } from "../../shared/table-columns.ts";
import { personId } from "./register.schema.ts";

/** A block of the personal file: rows of one person, indexed by the person (`<table>_person_idx`). */
function personTable<Name extends string, Columns extends Record<string, PgColumnBuilderBase>>(
  name: Name,
  columns: Columns,
) {
  return pgTable(name, { id: generatedId(), personId: personId(), ...columns }, (table) => [
    index(`${name}_person_idx`).on(table.personId),
  ]);
}

/** The education document's requisites and its specialty, the same in every education block. */
const educationDocument = () => ({
  docSerial: text("doc_serial"),
  docNumber: text("doc_number"),
  docDate: day("doc_date"),
  specId: text("spec_id"),
  specName: text("spec_name"),
});

/** Professional (higher or secondary medical) education: the diploma. */
export const registerProfEducation = personTable("register_prof_education", {
  levelEducationId: text("level_education_id").notNull(),
  levelEducation: text("level_education").notNull(),
  institutionName: text("institution_name").notNull(),
  beginYear: integer("begin_year"),
  ...educationDocument(),
  qualificationName: text("qualification_name"),
});

/** Ординатура, интернатура, аспирантура. */
export const registerPostgraduate = personTable("register_postgraduate", {
  educationStageId: text("education_stage_id").notNull(),
  educationStageName: text("education_stage_name").notNull(),
  institutionName: text("institution_name").notNull(),
  beginYear: integer("begin_year"),
  ...educationDocument(),
});

/** ДПО: повышение квалификации or профессиональная переподготовка, with academic hours. */
export const registerExtEducation = personTable("register_ext_education", {
  profEducationKindId: text("prof_education_kind_id").notNull(),
  profEducationKindName: text("prof_education_kind_name").notNull(),
  institutionName: text("institution_name").notNull(),
  hoursCount: integer("hours_count").notNull(),
  theme: text("theme"),
  ...educationDocument(),
});

/** Сертификат специалиста (issued until 2021; each runs out five years after issue). */
export const registerCertificates = personTable("register_certificates", {
  certSerial: text("cert_serial"),
  certNumber: text("cert_number").notNull(),
  examDate: day("exam_date"),
  passDate: day("pass_date"),
  endDate: day("end_date"),
  institutionName: text("institution_name"),
  specId: text("spec_id"),
  specName: text("spec_name"),
});

/** The person's accreditation record; the procedures below carry the results. */
export const registerAccreditations = pgTable("register_accreditations", {
  id: generatedId(),
  personId: personId().unique(),
  protocolDate: day("protocol_date"),
  protocolNumber: text("protocol_number"),
  docSerial: text("doc_serial"),
  docNumber: text("doc_number"),
  regNumber: text("reg_number"),
});

export const registerAccreditationProcedures = pgTable(
  "register_accreditation_procedures",
  {
    id: generatedId(),
    accreditationId: uuid("accreditation_id")
      .notNull()
      .references(() => registerAccreditations.id, { onDelete: "cascade" }),
    registryNumber: text("registry_number"),
    accreditationKindId: text("accreditation_kind_id").notNull(),
    accreditationKind: text("accreditation_kind").notNull(),
    specId: text("spec_id").notNull(),
    spec: text("spec").notNull(),
    institution: text("institution"),
    passed: boolean("passed").notNull(),
    passDate: day("pass_date"),
    endDate: day("end_date"),
    protocolDate: day("protocol_date"),
    protocolNumber: text("protocol_number"),
    /** Why the commission refused (a procedure not passed); null for a passed one. */
    failReason: text("fail_reason"),
  },
  (table) => [index("register_accreditation_procedures_idx").on(table.accreditationId)],
);

export const registerQualificationCategories = personTable("register_qualification_categories", {
  qualifyCategoryId: text("qualify_category_id").notNull(),
  qualifyCategoryName: text("qualify_category_name").notNull(),
  beginDate: day("begin_date"),
  endDate: day("end_date"),
  specId: text("spec_id"),
  specName: text("spec_name"),
  postId: text("post_id"),
  postName: text("post_name"),
});

/** One card per position and rate in an organization (ФРМР «card»). */
export const registerEmploymentCards = pgTable(
  "register_employment_cards",
  {
    id: generatedId(),
    personId: personId(),
    /** ФРМО OID of the organization, as ФРМР names it (`oid`). */
    oid: text("organization_oid").notNull(),
    /** Name of the organization as ФРМР returns it (`organization`). */
    organization: text("organization_name").notNull(),
    nrPmuDepartId: text("department_id"),
    nrPmuDepartName: text("department_name"),
    postId: text("post_id").notNull(),
    postName: text("post_name").notNull(),
    positionTypeId: text("position_type_id").notNull(),
    positionTypeName: text("position_type_name").notNull(),
    rate: numeric("rate", { precision: 4, scale: 2, mode: "number" }).notNull(),
    beginDate: day("begin_date").notNull(),
    endDate: day("end_date"),
    /**
     * The person's full name in lower case, copied here by a trigger (see the h-perf custom
     * migration): the staff list sorts and searches one organization's cards by it, from an index
     * on (organization, name), without walking the whole register's persons.
     */
    personName: text("person_name"),
  },
  (table) => [
    index("register_employment_cards_person_idx").on(table.personId),
    // The staff list: one organization's people in name order, keyset-paged.
    index("register_employment_cards_org_name_idx").on(table.oid, table.personName, table.personId),
    index("register_employment_cards_org_idx").on(table.oid),
    // Whether a person is on an organization's staff, answered from the index alone.
    index("register_employment_cards_org_person_idx").on(table.oid, table.personId),
  ],
);

/** Awards (ФРМР «nomination»). */
export const registerAwards = personTable("register_awards", {
  nominationName: text("nomination_name").notNull(),
  nomNumber: text("nom_number"),
  nomDate: day("nom_date"),
});
