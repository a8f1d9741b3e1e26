import assert from "node:assert/strict";
import { test } from "node:test";
import { documentTypes } from "../document-types.ts";
import type { DocumentRow } from "../documents.repository.ts";
import { buildDocumentsView, buildUploadFormView } from "./documents.view.ts";

const row: DocumentRow = {
  id: "5f0c1f7e-8d0a-4c55-9a43-1f1d3f3c2a10",
  userId: "u1",
  typeCode: "snils",
  originalName: "снилс.jpg",
  mediaType: "image/jpeg",
  sizeBytes: 1536 * 1024,
  sha256: "0".repeat(64),
  storageKey: `ab/${"ab".repeat(16)}`,
  uploadedAt: new Date("2026-11-21T09:05:00Z"),
  lockedAt: null,
};

test("the list: type label, size, Moscow time, links; usage against the quota", () => {
  const view = buildDocumentsView({
    documents: [row, { ...row, id: "x", lockedAt: new Date() }],
    rejections: [],
    usage: { files: 2, bytes: 3 * 1024 * 1024 },
    quota: { maxFiles: 200, maxBytes: 100 * 1024 * 1024 },
    page: 1,
    pages: 1,
  });
  assert.deepEqual(view.items[0], {
    id: row.id,
    typeLabel: "СНИЛС",
    originalName: "снилс.jpg",
    size: "1,5 МБ",
    uploadedAt: "21.11.2026 12:05",
    locked: false,
    downloadHref: `/lk/documents/${row.id}/download`,
    viewHref: `/lk/documents/${row.id}/view`,
    deleteHref: `/lk/documents/${row.id}/delete`,
  });
  assert.equal(view.items[1]?.locked, true);
  assert.equal(view.usage, "Занято 3 МБ из 100 МБ, документов: 2 из 200.");
  assert.equal(view.pagination, undefined, "one page needs no navigation");
});

test("pages: the next one by its cursor, and back to the newest", () => {
  const common = {
    documents: [],
    rejections: [],
    usage: { files: 60, bytes: 0 },
    quota: { maxFiles: 200, maxBytes: 1 },
  };
  const next = "0b7c3a52-4f5e-4c1b-9d3e-2a6f8e9c1d40_2026-01-01 00:29:00+00";
  assert.deepEqual(buildDocumentsView({ ...common, page: 2, pages: 3, next }).pagination, {
    label: "Страница 2 из 3",
    previousHref: "/lk/documents",
    nextHref: `/lk/documents?after=${encodeURIComponent(next).replaceAll("%20", "+")}&page=3`,
  });
  assert.equal(buildDocumentsView({ ...common, page: 3, pages: 3 }).pagination?.nextHref, undefined);
});

test("refused attempts: reasons from the audit details; form slips and unreadable records are left out", () => {
  const at = new Date("2026-11-21T09:00:00Z");
  const view = buildDocumentsView({
    documents: [],
    rejections: [
      {
        occurredAt: at,
        details: { rejection: { reason: "pdf_encrypted" }, documentType: "education_diploma" },
      },
      { occurredAt: at, details: { rejection: { reason: "missing_file" }, documentType: "snils" } },
      { occurredAt: at, details: { rejection: { reason: "too_large" }, documentType: null } },
      { occurredAt: at, details: {} },
    ],
    usage: { files: 0, bytes: 0 },
    quota: { maxFiles: 200, maxBytes: 100 * 1024 * 1024 },
    page: 1,
    pages: 1,
  });
  assert.deepEqual(
    view.rejections.map((item) => [item.typeLabel, item.message.slice(0, 20)]),
    [
      ["Диплом о высшем или среднем медицинском образовании", "Файл PDF защищён пар"],
      ["—", "Файл больше 5 МБ. Ум"],
    ],
  );
});

test("the upload form: the chosen type stays selected, errors are ordered as the fields", () => {
  const view = buildUploadFormView("snils", [{ reason: "empty" }, { reason: "unknown_type" }]);
  assert.equal(view.options.find((option) => option.selected)?.code, "snils");
  assert.equal(view.options.length, documentTypes.length);
  assert.deepEqual(
    view.errors.map((error) => error.field),
    ["documentType", "file"],
  );
  assert.equal(view.maxSize, "5 МБ");
});
