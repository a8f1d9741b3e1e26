// Document types a worker can upload, and the document sets each purpose requires (W7, W8).
// Kept as data: adding a type or changing a set is an edit here, not in the code that uses them.

export const documentTypes = [
  { code: "identity_document", label: "Паспорт или иной документ, удостоверяющий личность" },
  { code: "snils", label: "СНИЛС" },
  { code: "education_diploma", label: "Диплом о высшем или среднем медицинском образовании" },
  { code: "residency_diploma", label: "Диплом об окончании ординатуры" },
  { code: "retraining_diploma", label: "Диплом о профессиональной переподготовке" },
  { code: "qualification_certificate", label: "Удостоверение о повышении квалификации" },
  { code: "specialist_certificate", label: "Сертификат специалиста" },
  { code: "accreditation_record", label: "Свидетельство или выписка об аккредитации специалиста" },
  { code: "employment_record", label: "Трудовая книжка или сведения о трудовой деятельности" },
  { code: "internship_certificate", label: "Справка о стажировке" },
  { code: "organization_license", label: "Лицензия медицинской организации" },
  { code: "practice_right", label: "Документ о праве на осуществление медицинской деятельности" },
  { code: "no_criminal_record", label: "Справка об отсутствии судимости" },
  { code: "activity_report", label: "Отчёт о профессиональной деятельности" },
  { code: "other", label: "Прочее" },
] as const;

export type DocumentTypeCode = (typeof documentTypes)[number]["code"];

const labels = new Map<string, string>(documentTypes.map((type) => [type.code, type.label]));

export function isDocumentTypeCode(value: unknown): value is DocumentTypeCode {
  return typeof value === "string" && labels.has(value);
}

export function documentTypeLabel(code: string): string {
  return labels.get(code) ?? "Документ";
}

/** One item of a required set: satisfied by a document of any of the listed types. */
export interface DocumentRequirement {
  id: string;
  label: string;
  anyOf: readonly DocumentTypeCode[];
}

/**
 * Periodic accreditation under Приказ Минздрава России № 709н, пп. 89–90 (domain/frmr.md §6.3):
 * identity and СНИЛС, education, the previous допуск, ПК during the period, work record, and the
 * report on professional activity (the portfolio).
 */
export const documentPurposes = {
  periodic_accreditation: {
    label: "периодической аккредитации",
    requirements: [
      { id: "identity", label: "Документ, удостоверяющий личность", anyOf: ["identity_document"] },
      { id: "snils", label: "СНИЛС", anyOf: ["snils"] },
      { id: "education", label: "Диплом об образовании", anyOf: ["education_diploma", "residency_diploma"] },
      {
        id: "admission",
        label: "Сертификат специалиста или свидетельство (выписка) об аккредитации",
        anyOf: ["accreditation_record", "specialist_certificate"],
      },
      {
        id: "qualification",
        label: "Удостоверение о повышении квалификации",
        anyOf: ["qualification_certificate"],
      },
      {
        id: "employment",
        label: "Трудовая книжка или сведения о трудовой деятельности",
        anyOf: ["employment_record"],
      },
      { id: "report", label: "Отчёт о профессиональной деятельности", anyOf: ["activity_report"] },
    ],
  },
} as const satisfies Record<string, { label: string; requirements: readonly DocumentRequirement[] }>;

export type DocumentPurpose = keyof typeof documentPurposes;

/** The requirements of `purpose` that none of the `presentTypes` satisfies, in the listed order. */
export function missingRequirements(
  purpose: DocumentPurpose,
  presentTypes: Iterable<string>,
): readonly DocumentRequirement[] {
  const present = new Set(presentTypes);
  const requirements: readonly DocumentRequirement[] = documentPurposes[purpose].requirements;
  return requirements.filter((requirement) => !requirement.anyOf.some((type) => present.has(type)));
}
