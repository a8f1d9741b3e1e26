// View models of «Мои документы»: plain data for the templates, built by pure functions.
import { formatDateTime } from "../../../shared/format.ts";
import { documentTypeLabel, documentTypes, isDocumentTypeCode } from "../document-types.ts";
import type { DocumentQuota } from "../documents.policy.ts";
import type { DocumentRow } from "../documents.repository.ts";
import {
  formatFileSize,
  MAX_FILE_BYTES,
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
  },
  flash?: string,
): DocumentsView {
  const pageHref = (page: number) => (page === 1 ? "/lk/documents" : `/lk/documents?page=${page}`);
  return {
    items: data.documents.map(documentItem),
    rejections: data.rejections.flatMap((entry) => rejectionItem(entry) ?? []),
    usage: `Занято ${formatFileSize(data.usage.bytes)} из ${formatFileSize(data.quota.maxBytes)}, документов: ${data.usage.files} из ${data.quota.maxFiles}.`,
    flash,
    pagination:
      data.pages > 1
        ? {
            label: `Страница ${data.page} из ${data.pages}`,
            previousHref: data.page > 1 ? pageHref(data.page - 1) : undefined,
            nextHref: data.page < data.pages ? pageHref(data.page + 1) : undefined,
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
}

export function buildUploadFormView(
  selectedType: unknown,
  rejections: readonly Rejection[] = [],
): UploadFormView {
  return {
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
