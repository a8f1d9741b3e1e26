// View models of «Мои документы»: plain data for the templates, built by pure functions.
import { formatDateTime } from "../../../shared/format.ts";
import { counted, nouns } from "../../../shared/plural.ts";
import { documentTypeLabel, documentTypes, isDocumentTypeCode } from "../document-types.ts";
import type { DocumentQuota } from "../documents.policy.ts";
import type { DocumentRow } from "../documents.repository.ts";
import {
  formatFileSize,
  MAX_FILE_BYTES,
  MAX_FILES_PER_UPLOAD,
  type Rejection,
  type RejectionReason,
  rejectionField,
  rejectionMessage,
} from "../upload-rules.ts";

export interface DocumentItem {
  id: string;
  typeLabel: string;
  originalName: string;
  size: string;
  uploadedAt: string;
  /** Attached to a submitted application: it cannot be deleted. */
  locked: boolean;
  downloadHref: string;
  /** Opens the file in a new tab, shown by the browser. */
  viewHref: string;
  deleteHref: string;
}

export interface RejectionItem {
  occurredAt: string;
  typeLabel: string;
  message: string;
}

export interface DocumentsView {
  items: DocumentItem[];
  rejections: RejectionItem[];
  usage: string;
  flash: string | undefined;
  /** Shown when the documents do not fit on one page. */
  pagination: { label: string; previousHref: string | undefined; nextHref: string | undefined } | undefined;
}

export function documentItem(row: DocumentRow): DocumentItem {
  return {
    id: row.id,
    typeLabel: documentTypeLabel(row.typeCode),
    originalName: row.originalName,
    size: formatFileSize(row.sizeBytes),
    uploadedAt: formatDateTime(row.uploadedAt),
    locked: row.lockedAt !== null,
    downloadHref: `/lk/documents/${row.id}/download`,
    viewHref: `/lk/documents/${row.id}/view`,
    deleteHref: `/lk/documents/${row.id}/delete`,
  };
}

export function buildDocumentsView(
  data: {
    documents: DocumentRow[];
    rejections: { occurredAt: Date; details: Record<string, unknown> }[];
    usage: { files: number; bytes: number };
    quota: DocumentQuota;
    page: number;
    pages: number;
    /** The keyset cursor of the next page, when there is one. */
    next?: string | undefined;
  },
  flash?: string,
): DocumentsView {
  const nextHref = (after: string) =>
    `/lk/documents?${new URLSearchParams({ after, page: String(data.page + 1) })}`;
  return {
    items: data.documents.map(documentItem),
    rejections: data.rejections.flatMap((entry) => rejectionItem(entry) ?? []),
    usage: `Занято ${formatFileSize(data.usage.bytes)} из ${formatFileSize(data.quota.maxBytes)}, документов: ${data.usage.files} из ${data.quota.maxFiles}.`,
    flash,
    pagination:
      data.page > 1 || data.next
        ? {
            label: `Страница ${data.page} из ${data.pages}`,
            // Keyset paging walks forward only: back is to the newest documents.
            previousHref: data.page > 1 ? "/lk/documents" : undefined,
            nextHref: data.next ? nextHref(data.next) : undefined,
          }
        : undefined,
  };
}

// Attempts refused for a form slip (no file chosen, no type) are not worth listing as refused files.
const formSlips = new Set<RejectionReason>(["missing_file", "unknown_type"]);

/** An audit record of a refused upload, as a row of the list; undefined for records it cannot show. */
function rejectionItem(entry: {
  occurredAt: Date;
  details: Record<string, unknown>;
}): RejectionItem | undefined {
  const rejection = entry.details.rejection as Rejection | undefined;
  if (!rejection || typeof rejection.reason !== "string" || formSlips.has(rejection.reason)) return undefined;
  const type = entry.details.documentType;
  return {
    occurredAt: formatDateTime(entry.occurredAt),
    typeLabel: isDocumentTypeCode(type) ? documentTypeLabel(type) : "—",
    message: rejectionMessage(rejection),
  };
}

export interface FieldError {
  field: "documentType" | "file";
  message: string;
}

export interface UploadFormView {
  options: { code: string; label: string; selected: boolean }[];
  errors: FieldError[];
  maxSize: string;
  maxFiles: number;
  /** After an upload of several files that refused some: what was kept and what was not, by name. */
  outcome: UploadSummary | undefined;
}

export type UploadResult = { name: string; ok: true } | { name: string; ok: false; rejections: Rejection[] };

export interface UploadSummary {
  accepted: string[];
  acceptedMessage: string;
  refused: { name: string; message: string }[];
}

// Invisible and direction-changing characters would garble the list (the name itself was refused).
const unprintable = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** A file name as the person will recognise it, fit for a list whether or not the file was accepted. */
export function displayFileName(raw: string): string {
  const name = raw.replace(unprintable, "").trim();
  if (name === "") return "файл без имени";
  return [...name].length > 80 ? `${[...name].slice(0, 79).join("")}…` : name;
}

export function summariseUploads(results: readonly UploadResult[]): UploadSummary {
  const accepted = results.flatMap((result) => (result.ok ? [result.name] : []));
  return {
    accepted,
    acceptedMessage:
      accepted.length === 1
        ? `Документ «${accepted[0]}» загружен и принят.`
        : `Загружены и приняты ${counted(accepted.length, nouns.document)}: ${accepted.map((name) => `«${name}»`).join(", ")}.`,
    refused: results.flatMap((result) =>
      result.ok
        ? []
        : [
            {
              name: displayFileName(result.name),
              message: result.rejections.map(rejectionMessage).join(" "),
            },
          ],
    ),
  };
}

export function buildUploadFormView(
  selectedType: unknown,
  rejections: readonly Rejection[] = [],
  outcome?: UploadSummary,
): UploadFormView {
  return {
    outcome,
    maxFiles: MAX_FILES_PER_UPLOAD,
    options: documentTypes.map((type) => ({
      code: type.code,
      label: type.label,
      selected: type.code === selectedType,
    })),
    // Summary order follows the form: the type select comes before the file input.
    errors: rejections
      .map((rejection) => ({ field: rejectionField(rejection), message: rejectionMessage(rejection) }))
      .sort((a, b) => (a.field === b.field ? 0 : a.field === "documentType" ? -1 : 1)),
    maxSize: formatFileSize(MAX_FILE_BYTES),
  };
}
