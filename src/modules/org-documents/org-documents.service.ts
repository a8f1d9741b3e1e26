// The organization's «Документы» (O8, O9, O12): upload (the documents module's content and name checks
// through checkOrganizationFile, PDF only), replace an outdated one, and the head's signature over a
// document's exact bytes, verified by the signatures module. Every change in one transaction with its
// audit row; every query scoped by the actor's organization.
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import type { FileStorage } from "../documents/storage.ts";
import { checkAttached, withStoredFiles } from "../org-submissions/submission.service.ts";
import type { CabinetActor } from "../organizations/cabinet.guard.tsx";
import { storeOrganizationFiles, type UploadedPart } from "../organizations/organization-files.ts";
import type { VerifiedSignature } from "../signatures/signatures.service.ts";
import { recordFileSignature, storedBytes } from "../signatures/signed-files.ts";
import { findOrgDocument, insertOrgDocument, markReplaced } from "./org-documents.repository.ts";
import type { OrgDocumentKind } from "./org-documents.schema.ts";

export const orgDocumentKinds: Record<OrgDocumentKind, string> = {
  licence: "Лицензия на медицинскую деятельность",
  charter: "Устав",
  order: "Приказ",
  other: "Другой документ",
};

const isKind = (value: string | undefined): value is OrgDocumentKind =>
  value !== undefined && Object.hasOwn(orgDocumentKinds, value);

export type UploadOutcome =
  | { ok: true; id: string }
  | { ok: false; errors: { field: string; message: string }[] }
  | { ok: false; notFound: true };

export function createOrgDocumentsService(deps: { db: Database; clock: Clock; storage: FileStorage }) {
  const { db, clock, storage } = deps;
  return {
    /** A new document, or a new version of `replaces` (which then reads «заменён»). */
    async upload(
      actor: CabinetActor,
      fields: Record<string, string>,
      parts: UploadedPart[],
    ): Promise<UploadOutcome> {
      const errors: { field: string; message: string }[] = [];
      const kind = fields.kind;
      const title = (fields.title ?? "").trim();
      if (!isKind(kind)) errors.push({ field: "kind", message: "Выберите вид документа." });
      if (title.length < 2 || title.length > 200)
        errors.push({ field: "title", message: "Укажите название документа (от 2 до 200 символов)." });
      const attached = await checkAttached(parts, "file", { missing: "Приложите документ в формате PDF." });
      errors.push(...attached.errors);
      if (errors.length > 0 || !isKind(kind)) return { ok: false, errors };
      const replaces = fields.replaces?.trim() || undefined;
      const now = clock.now();
      return withStoredFiles(db, storage, async (tx, committed): Promise<UploadOutcome> => {
        if (replaces && !(await findOrgDocument(tx, actor.organization.id, replaces)))
          return { ok: false, notFound: true };
        const row = await insertOrgDocument(tx, {
          organizationId: actor.organization.id,
          kind,
          title,
          uploadedBy: actor.userId,
          uploadedAt: now,
        });
        if (replaces && !(await markReplaced(tx, actor.organization.id, replaces, row.id, now)))
          return {
            ok: false,
            errors: [{ field: "file", message: "Этот документ уже заменён более новым." }],
          };
        await storeOrganizationFiles(
          tx,
          attached.files.map((file) => ({ ...file, purpose: "document" as const })),
          { organizationId: actor.organization.id, subjectId: row.id, uploadedBy: actor.userId, at: now },
          committed,
        );
        await writeAudit(tx, {
          event: replaces ? "org_document.replaced" : "org_document.uploaded",
          outcome: "success",
          userId: actor.userId,
          organizationId: actor.organization.id,
          ip: actor.ip,
          details: { documentId: row.id, kind, ...(replaces ? { replaces } : {}) },
        });
        return { ok: true, id: row.id };
      });
    },

    /** The document's exact bytes, as stored: what the head signs. */
    async content(
      actor: CabinetActor,
      id: string,
    ): Promise<{ bytes: Uint8Array; title: string } | undefined> {
      const found = await findOrgDocument(db, actor.organization.id, id);
      if (!found) return undefined;
      return { bytes: await storedBytes(storage, found.file.storageKey), title: found.document.title };
    },

    /** Stores the head's verified signature over the document, with its audit row. */
    async recordSignature(actor: CabinetActor, id: string, bytes: Uint8Array, signature: VerifiedSignature) {
      return db.transaction(async (tx) => {
        const found = await findOrgDocument(tx, actor.organization.id, id);
        if (!found) return undefined;
        return recordFileSignature(tx, {
          actor,
          subjectType: "org_document",
          subjectId: id,
          bytes,
          signature,
          at: clock.now(),
          event: "signature.document_signed",
          details: { documentId: id },
        });
      });
    },
  };
}

export type OrgDocumentsService = ReturnType<typeof createOrgDocumentsService>;
