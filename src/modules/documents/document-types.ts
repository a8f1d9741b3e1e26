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

/** Who the worker is and what education they have: the start of every set. */
const personalDocuments = [
  { id: "identity", label: "Документ, удостоверяющий личность", anyOf: ["identity_document"] },
  { id: "snils", label: "СНИЛС", anyOf: ["snils"] },
  { id: "education", label: "Диплом об образовании", anyOf: ["education_diploma", "residency_diploma"] },
] as const satisfies readonly DocumentRequirement[];

/** The допуск held so far; the types that prove it depend on the set. */
const admission = <Types extends readonly DocumentTypeCode[]>(anyOf: Types) =>
  ({
    id: "admission",
    label: "Сертификат специалиста или свидетельство (выписка) об аккредитации",
    anyOf,
  }) as const;

/**
 * Periodic accreditation under Приказ Минздрава России № 709н, пп. 89–90 (domain/frmr.md §6.3):
 * identity and СНИЛС, education, the previous допуск, ПК during the period, work record, and the
 * report on professional activity (the portfolio).
 */
export const documentPurposes = {
  periodic_accreditation: {
    label: "периодической аккредитации",
    requirements: [
      ...personalDocuments,
      admission(["accreditation_record", "specialist_certificate"]),
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
  /**
   * Work in the medical care of minors. Ground: Трудовой кодекс РФ, ст. 351.1 and ст. 65 (persons
   * with certain convictions are not admitted to work in the medical care of minors; the employer
   * asks for the certificate on hiring). domain/frmr.md names no ground for the criminal-record
   * certificate: this one is the cabinet's reading and must be checked against the official text
   * before it is shown as a legal requirement. Accreditation itself (Приказ № 709н) does not ask
   * for the certificate, so no accreditation set includes it.
   */
  work_with_minors: {
    label: "работы с несовершеннолетними (медицинская помощь детям)",
    requirements: [
      ...personalDocuments,
      admission(["accreditation_record", "specialist_certificate", "practice_right"]),
      { id: "criminal_record", label: "Справка об отсутствии судимости", anyOf: ["no_criminal_record"] },
    ],
  },
} as const satisfies Record<string, { label: string; requirements: readonly DocumentRequirement[] }>;

/**
 * Specialties whose work is the medical care of minors, so that the criminal-record certificate is
 * part of the worker's document set (the ground is given with `work_with_minors`). Names as in the
 * specialties dictionary.
 */
export const specialtiesWithMinors: ReadonlySet<string> = new Set([
  "Педиатрия",
  "Неонатология",
  "Детская кардиология",
  "Детская онкология",
  "Детская онкология-гематология",
  "Детская урология-андрология",
  "Детская хирургия",
  "Детская эндокринология",
  "Стоматология детская",
  "Гигиена детей и подростков",
  "Сестринское дело в педиатрии",
]);

/** The document sets a worker with these specialties needs: the certificate only where the work is with minors. */
export function purposesFor(specialtyNames: Iterable<string>): DocumentPurpose[] {
  const purposes: DocumentPurpose[] = ["periodic_accreditation"];
  if ([...specialtyNames].some((name) => specialtiesWithMinors.has(name))) purposes.push("work_with_minors");
  return purposes;
}

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
