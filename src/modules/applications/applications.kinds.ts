// The three kinds of accreditation (domain/frmr.md §6.2, §6.8) and the document slots of each
// application, as data (W8, §6.3, §6.5: the form comes with pre-named slots; the worker attaches).
import { type DocumentRequirement, documentPurposes } from "../documents/document-types.ts";

export const applicationKinds = {
  periodic: "periodic",
  primarySpecialized: "primary_specialized",
  primary: "primary",
} as const;

export type ApplicationKind = (typeof applicationKinds)[keyof typeof applicationKinds];

export interface DocumentSlot extends DocumentRequirement {
  required: boolean;
}

interface KindDefinition {
  label: string;
  /** The register's code of the kind (accreditation-kinds dictionary), written on the result. */
  registerKindCode: string;
  hint: string;
  /** Periodic accreditation renews a допуск the worker holds and is assessed on a portfolio. */
  portfolio: boolean;
  slots: readonly DocumentSlot[];
}

const common = {
  identity: {
    id: "identity",
    label: "Документ, удостоверяющий личность",
    anyOf: ["identity_document"],
    required: true,
  },
  snils: { id: "snils", label: "СНИЛС", anyOf: ["snils"], required: true },
  education: {
    id: "education",
    label: "Диплом о высшем или среднем медицинском образовании",
    anyOf: ["education_diploma"],
    required: true,
  },
} as const satisfies Record<string, DocumentSlot>;

/** The slot that carries the report on professional activity (periodic accreditation). */
export const REPORT_SLOT_ID = "report";

export const kindDefinitions: Record<ApplicationKind, KindDefinition> = {
  periodic: {
    label: "Периодическая аккредитация",
    registerKindCode: "periodic",
    hint: "Для тех, кто продолжает работать по специальности: раз в пять лет, по портфолио.",
    portfolio: true,
    // The set the documents module keeps for this purpose (Приказ № 709н, пп. 89–90), all required.
    slots: documentPurposes.periodic_accreditation.requirements.map((requirement) => ({
      ...requirement,
      required: true,
    })),
  },
  primary_specialized: {
    label: "Первичная специализированная аккредитация",
    registerKindCode: "primary-specialized",
    hint: "После ординатуры, магистратуры или профессиональной переподготовки, а также после перерыва в работе более пяти лет.",
    portfolio: false,
    slots: [
      common.identity,
      common.snils,
      common.education,
      {
        id: "specialization",
        label: "Диплом об окончании ординатуры или о профессиональной переподготовке",
        anyOf: ["residency_diploma", "retraining_diploma"],
        required: true,
      },
      {
        id: "employment",
        label: "Трудовая книжка или сведения о трудовой деятельности",
        anyOf: ["employment_record"],
        required: false,
      },
    ],
  },
  primary: {
    label: "Первичная аккредитация",
    registerKindCode: "primary",
    hint: "Для выпускников специалитета, бакалавриата и программ среднего профессионального образования.",
    portfolio: false,
    slots: [common.identity, common.snils, common.education],
  },
};

export function isApplicationKind(value: unknown): value is ApplicationKind {
  return typeof value === "string" && value in kindDefinitions;
}

export function slotOf(kind: ApplicationKind, slotId: string): DocumentSlot | undefined {
  return kindDefinitions[kind].slots.find((slot) => slot.id === slotId);
}

/** Required slots with no attached document of a fitting type, in the listed order. */
export function missingSlots(
  kind: ApplicationKind,
  attached: readonly { slotId: string; typeCode: string }[],
): readonly DocumentSlot[] {
  return kindDefinitions[kind].slots.filter(
    (slot) =>
      slot.required &&
      !attached.some(
        (item) => item.slotId === slot.id && (slot.anyOf as readonly string[]).includes(item.typeCode),
      ),
  );
}

/**
 * The document types that answer a commission's request: those of the slot it names, or its own
 * type; undefined for a free-text request («Другой документ»), which any document may answer.
 */
export function requestedTypes(
  kind: ApplicationKind,
  request: { slotId: string | null; typeCode: string },
): readonly string[] | undefined {
  const slot = request.slotId ? slotOf(kind, request.slotId) : undefined;
  if (slot) return slot.anyOf;
  return request.typeCode === "other" ? undefined : [request.typeCode];
}
