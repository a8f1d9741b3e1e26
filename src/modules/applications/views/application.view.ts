// The view model of the worker's application page: what to show and which forms to offer, from
// the application's details. Pure, so that it is tested without a server.

import { formatDate, formatDateTime } from "../../../shared/format.ts";
import type { SummaryRow } from "../../../ui/summary-list.tsx";
import { documentTypeLabel, documentTypes } from "../../documents/document-types.ts";
import type { DocumentRow } from "../../documents/documents.repository.ts";
import type { SignatureRow } from "../../signatures/signatures.repository.ts";
import { kindDefinitions, requestedTypes } from "../applications.kinds.ts";
import { agreementModeLabels, type Problem } from "../applications.policy.ts";
import { hoursProblem, REQUIRED_TRAINING_HOURS } from "../applications.rules.ts";
import type { ActivityReport, AgreementMode } from "../applications.schema.ts";
import type { ApplicationDetails } from "../applications.service.ts";
import type { ApplicationStatus } from "../applications.status.ts";
import type { HistoryEntry } from "./components.tsx";

export interface Option {
  value: string;
  label: string;
}

export interface SlotView {
  id: string;
  label: string;
  required: boolean;
  attached: { attachmentId: string; name: string; viewHref: string }[];
  /** How many of the worker's documents fit the slot and are not attached: chosen on the slot's own page. */
  fitting: number;
  types: Option[];
}

export interface ApplicationView {
  id: string;
  title: string;
  /** The application's number, for sentences that decline «заявка» («Отозвать заявку № 3?»). */
  number: number;
  status: ApplicationStatus;
  editable: boolean;
  facts: SummaryRow[];
  periodic: boolean;
  desiredDate: string;
  report: ActivityReport;
  agreement: {
    mode: AgreementMode | null;
    modes: Option[];
    organizationId: string;
    organizations: Option[];
    organizationName: string | undefined;
    headComment: string | null;
    signature: SignatureRow | undefined;
  };
  slots: SlotView[];
  portfolio:
    | {
        periodFrom: string;
        totalHours: number;
        requiredHours: number;
        problem: string | undefined;
        entries: {
          key: string;
          source: string;
          title: string;
          institution: string;
          hours: number;
          date: string;
          removableId?: string;
        }[];
      }
    | undefined;
  requested: {
    id: string;
    label: string;
    typeCode: string;
    /** The types a new upload may take: the requested slot's, or every type for a free-text item. */
    types: Option[];
    /** The commission's comment to the request, next to each item it asked for. */
    comment: string | null;
    requestedAt: string;
    provided: string | undefined;
    /** Only documents of the requested type (every document for a free-text item). */
    options: Option[];
  }[];
  problems: Problem[];
  /** What still keeps a draft from being sent, whatever the moves allowed now (for the step indicator). */
  pending: Problem[];
  can: {
    sendToHead: boolean;
    recall: boolean;
    returnToDraft: boolean;
    submit: boolean;
    withdraw: boolean;
    extract: boolean;
  };
  history: readonly HistoryEntry[];
}

const documentOption = (document: DocumentRow): Option => ({
  value: document.id,
  label: `${document.originalName} — ${documentTypeLabel(document.typeCode)}, ${formatDate(document.uploadedAt)}`,
});

const emptyReport: ActivityReport = {
  workplace: "",
  position: "",
  periodFrom: "",
  periodTo: "",
  summary: "",
};

export function buildApplicationView(details: ApplicationDetails): ApplicationView {
  const { application } = details;
  const definition = kindDefinitions[application.kind];
  const editable = application.status === "draft";
  const organization = details.organizations.find((candidate) => candidate.id === application.organizationId);
  const slots = definition.slots.map((slot): SlotView => {
    const attached = details.attachments.filter((item) => item.slotId === slot.id);
    const fitting = details.documents.filter((document) =>
      (slot.anyOf as readonly string[]).includes(document.typeCode),
    );
    return {
      id: slot.id,
      label: slot.label,
      required: slot.required,
      attached: attached.map((item) => ({
        attachmentId: item.id,
        name: item.originalName,
        viewHref: `/lk/documents/${item.documentId}/view`,
      })),
      fitting: fitting.filter((document) => !attached.some((item) => item.documentId === document.id)).length,
      types: slot.anyOf.map((code) => ({ value: code, label: documentTypeLabel(code) })),
    };
  });
  const can = (action: string) => details.actions.includes(action as never);
  return {
    id: application.id,
    title: `Заявка № ${application.number}`,
    number: application.number,
    status: application.status,
    editable,
    facts: facts(details),
    periodic: definition.portfolio,
    desiredDate: application.desiredDate ?? "",
    report: application.report ?? emptyReport,
    agreement: {
      mode: application.agreementMode,
      modes: Object.entries(agreementModeLabels).map(([value, label]) => ({ value, label })),
      organizationId: application.organizationId ?? "",
      organizations: details.organizations.map((item) => ({ value: item.id, label: item.shortName })),
      organizationName: organization?.shortName,
      headComment: application.agreementComment,
      signature: details.agreementSignatures.at(-1),
    },
    slots,
    portfolio: details.portfolio && {
      periodFrom: formatDate(details.portfolio.periodFrom),
      totalHours: details.portfolio.totalHours,
      requiredHours: REQUIRED_TRAINING_HOURS,
      problem: hoursProblem(details.portfolio.totalHours),
      entries: details.portfolio.entries.map((entry, index) => {
        return {
          key: `${entry.source}-${index}`,
          source: entry.source === "register" ? "из реестра" : "добавлено вами",
          title: entry.title,
          institution: entry.institution,
          hours: entry.hours,
          date: entry.date ? formatDate(entry.date) : "—",
          ...(editable && entry.entryId ? { removableId: entry.entryId } : {}),
        };
      }),
    },
    requested: details.requested.map((item) => {
      const types = requestedTypes(application.kind, item);
      return {
        id: item.id,
        label: item.label,
        typeCode: item.typeCode,
        types: (types ?? documentTypes.map((type) => type.code)).map((code) => ({
          value: code,
          label: documentTypeLabel(code),
        })),
        comment: item.comment,
        requestedAt: formatDate(item.requestedAt),
        provided: item.documentId
          ? (details.documents.find((document) => document.id === item.documentId)?.originalName ??
            "документ представлен")
          : undefined,
        options: details.documents
          .filter((document) => !types || types.includes(document.typeCode))
          .map(documentOption),
      };
    }),
    problems: can("submit") ? details.problems : [],
    pending: editable ? details.problems : [],
    can: {
      sendToHead: can("send_to_head") && definition.portfolio,
      recall: can("recall_from_head"),
      returnToDraft: can("return_to_draft"),
      submit: can("submit"),
      withdraw: can("withdraw"),
      extract: application.status === "approved",
    },
    history: details.history,
  };
}

/** Free text (names, the commission's comment): each value wraps anywhere. */
function facts(details: ApplicationDetails): SummaryRow[] {
  const { application } = details;
  const rows = [
    { label: "Вид аккредитации", value: kindDefinitions[application.kind].label },
    { label: "Специальность", value: application.specialtyName },
  ];
  if (application.basisLabel && application.basisEndDate) {
    rows.push({
      label: "Допуск, который продлевается",
      value: `${application.basisLabel}, действует до ${formatDate(application.basisEndDate)}`,
    });
  }
  rows.push({ label: "Создана", value: formatDateTime(application.createdAt) });
  if (application.submittedAt) rows.push({ label: "Подана", value: formatDateTime(application.submittedAt) });
  if (application.protocolNumber && application.protocolDate) {
    rows.push({
      label: "Протокол комиссии",
      value: `№ ${application.protocolNumber} от ${formatDate(application.protocolDate)}`,
    });
  }
  if (application.decisionComment)
    rows.push({ label: "Комментарий комиссии", value: application.decisionComment });
  return rows.map((row) => ({ ...row, breakWord: true }));
}

/** The documents that may go into a slot and are not in it yet, for the slot's choice page. */
export function slotChoices(details: ApplicationDetails, slotId: string): Option[] {
  const slot = kindDefinitions[details.application.kind].slots.find((candidate) => candidate.id === slotId);
  if (!slot) return [];
  const attached = new Set(
    details.attachments.filter((item) => item.slotId === slotId).map((item) => item.documentId),
  );
  return details.documents
    .filter(
      (document) =>
        (slot.anyOf as readonly string[]).includes(document.typeCode) && !attached.has(document.id),
    )
    .map(documentOption);
}
