// The view model of the worker's application page: what to show and which forms to offer, from
// the application's details. Pure, so that it is tested without a server.

import { formatDate, formatDateTime } from "../../../shared/format.ts";
import { documentTypeLabel } from "../../documents/document-types.ts";
import type { DocumentRow } from "../../documents/documents.repository.ts";
import type { SignatureRow } from "../../signatures/signatures.repository.ts";
import { kindDefinitions } from "../applications.kinds.ts";
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
  attached: { attachmentId: string; name: string }[];
  options: Option[];
  types: Option[];
}

export interface ApplicationView {
  id: string;
  title: string;
  /** The application's number, for sentences that decline «заявка» («Отозвать заявку № 3?»). */
  number: number;
  status: ApplicationStatus;
  editable: boolean;
  facts: { label: string; value: string }[];
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
    provided: string | undefined;
    options: Option[];
  }[];
  problems: Problem[];
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
      attached: attached.map((item) => ({ attachmentId: item.id, name: item.originalName })),
      options: fitting
        .filter((document) => !attached.some((item) => item.documentId === document.id))
        .map(documentOption),
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
    requested: details.requested.map((item) => ({
      id: item.id,
      label: item.label,
      typeCode: item.typeCode,
      provided: item.documentId
        ? (details.documents.find((document) => document.id === item.documentId)?.originalName ??
          "документ представлен")
        : undefined,
      options: details.documents.map(documentOption),
    })),
    problems: can("submit") ? details.problems : [],
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

function facts(details: ApplicationDetails): { label: string; value: string }[] {
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
  return rows;
}
