// Use cases of «Мои документы» (W7, W8). Every change and its audit record share a transaction;
// refused uploads leave no row and no file behind.

import type { Readable } from "node:stream";
import type { Database, DbExecutor } from "../../db/client.ts";
import { keysetPage, type TimeCursor } from "../../db/keyset.ts";
import type { Clock } from "../../shared/clock.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { authorizeWorker } from "../register/register.policy.ts";
import {
  type DocumentPurpose,
  type DocumentRequirement,
  isDocumentTypeCode,
  missingRequirements,
} from "./document-types.ts";
import {
  checkQuota,
  type DocumentActor,
  type DocumentQuota,
  decideAccess,
  decideDeletion,
} from "./documents.policy.ts";
import {
  type DocumentRow,
  deleteUnlockedDocument,
  findDocument,
  insertDocument,
  listDocuments,
  listRecentRejections,
  listUserDocumentTypes,
  lockUserForUpload,
  storageUsage,
} from "./documents.repository.ts";
import { checkReceivedFile, type ReceivedFile, receiveFile } from "./received-file.ts";
import { type FileStorage, newStorageKey } from "./storage.ts";
import { type Rejection, rejectionField } from "./upload-rules.ts";

export type { ReceivedFile } from "./received-file.ts";

export type UploadOutcome = { ok: true; document: DocumentRow } | { ok: false; rejections: Rejection[] };
export type DeleteOutcome =
  | { ok: true; fileRemoved: boolean }
  | { ok: false; reason: "not-found" | "attached" };
export type DownloadOutcome = { ok: true; document: DocumentRow; content: Readable } | { ok: false };

// How long refused attempts stay on the list page (they stay in the audit log regardless).
const REJECTIONS_SHOWN_DAYS = 30;
const REJECTIONS_SHOWN_MAX = 10;
// Keeps the list page within the page-weight budget (DESIGN.md «Budgets») whatever the quota.
export const DOCUMENTS_PER_PAGE = 25;

export interface DocumentsServiceDeps {
  db: Database;
  clock: Clock;
  storage: FileStorage;
  quota: DocumentQuota;
}

export type DocumentsService = ReturnType<typeof createDocumentsService>;

export function createDocumentsService({ db, clock, storage, quota }: DocumentsServiceDeps) {
  const receive = (source: Readable & { truncated?: boolean }, rawName: string) =>
    receiveFile(storage, source, rawName);

  async function upload(
    actor: DocumentActor,
    typeCode: unknown,
    file: ReceivedFile | undefined,
  ): Promise<UploadOutcome> {
    let committedKey: string | undefined;
    try {
      await authorizeWorker(db, actor, "documents.edit");
      const rejections: Rejection[] = [];
      if (!isDocumentTypeCode(typeCode)) rejections.push({ reason: "unknown_type" });
      const checked = await checkReceivedFile(file);
      if (!checked.ok) rejections.push(checked.rejection);
      if (!checked.ok || !isDocumentTypeCode(typeCode) || !file) {
        await writeRejection(db, actor, rejections, typeCode, file);
        return { ok: false, rejections };
      }
      return await db.transaction(async (tx): Promise<UploadOutcome> => {
        await lockUserForUpload(tx, actor.id);
        const overQuota = checkQuota(await storageUsage(tx, actor.id), file.sizeBytes, quota);
        if (overQuota) {
          await writeRejection(tx, actor, [overQuota], typeCode, file);
          return { ok: false, rejections: [overQuota] };
        }
        const document = await insertDocument(tx, {
          userId: actor.id,
          typeCode,
          originalName: checked.name,
          mediaType: checked.mediaType,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          storageKey: newStorageKey(),
          uploadedAt: clock.now(),
        });
        await writeAudit(tx, {
          event: "document.uploaded",
          outcome: "success",
          userId: actor.id,
          ip: actor.ip,
          details: {
            documentId: document.id,
            documentType: typeCode,
            mediaType: document.mediaType,
            sizeBytes: document.sizeBytes,
          },
        });
        await file.staged.commit(document.storageKey);
        committedKey = document.storageKey;
        return { ok: true, document };
      });
    } catch (error) {
      // The transaction failed after the file was moved into place: take it back out.
      if (committedKey) await storage.remove(committedKey);
      throw error;
    } finally {
      // Accepted files were renamed away from staging; for every other outcome this removes the upload.
      await file?.staged.discard();
    }
  }

  return {
    receive,
    upload,

    /**
     * One page of the list, the recent refusals and the usage. Keyset paging: the page starts after
     * the cursor (`requestedPage` only numbers it for the reader); without one, at the newest.
     */
    async list(actor: DocumentActor, after?: TimeCursor, requestedPage = 1) {
      await authorizeWorker(db, actor, "documents.read");
      const since = new Date(clock.now().getTime() - REJECTIONS_SHOWN_DAYS * 24 * 60 * 60 * 1000);
      const [usage, read, rejections] = await Promise.all([
        storageUsage(db, actor.id),
        listDocuments(db, actor.id, { limit: DOCUMENTS_PER_PAGE + 1, after }),
        listRecentRejections(db, actor.id, since, REJECTIONS_SHOWN_MAX),
      ]);
      const pages = Math.max(1, Math.ceil(usage.files / DOCUMENTS_PER_PAGE));
      const page = after ? Math.min(Math.max(2, Math.trunc(requestedPage)), pages) : 1;
      const { rows: documents, next } = keysetPage(read, DOCUMENTS_PER_PAGE, (row) => row.id);
      return { documents, rejections, usage, quota, page, pages, next };
    },

    /** The actor's own document, for the delete confirmation page. */
    async find(actor: DocumentActor, id: string): Promise<DocumentRow | undefined> {
      await authorizeWorker(db, actor, "documents.read");
      const document = await findDocument(db, id);
      return (await authorise(db, actor, document, "view")) ? document : undefined;
    },

    /** The file for «Скачать», or for «Просмотреть» (`view`): the same access check, its own audit event. */
    async download(
      actor: DocumentActor,
      id: string,
      mode: "download" | "view" = "download",
    ): Promise<DownloadOutcome> {
      await authorizeWorker(db, actor, "documents.read");
      const document = await findDocument(db, id);
      if (!document || !(await authorise(db, actor, document, mode))) return { ok: false };
      const content = await storage.open(document.storageKey);
      await writeAudit(db, {
        event: mode === "view" ? "document.viewed" : "document.downloaded",
        outcome: "success",
        userId: actor.id,
        ip: actor.ip,
        details: { documentId: document.id },
      });
      return { ok: true, document, content };
    },

    async remove(actor: DocumentActor, id: string): Promise<DeleteOutcome> {
      await authorizeWorker(db, actor, "documents.edit");
      const outcome = await db.transaction(async (tx) => {
        const document = await findDocument(tx, id);
        if (!document || !(await authorise(tx, actor, document, "delete")))
          return { ok: false, reason: "not-found" } as const;
        const deleted = decideDeletion(document).allowed
          ? await deleteUnlockedDocument(tx, actor.id, id)
          : undefined;
        await writeAudit(tx, {
          event: "document.deleted",
          outcome: deleted ? "success" : "denied",
          userId: actor.id,
          ip: actor.ip,
          details: deleted
            ? { documentId: id, documentType: document.typeCode }
            : { documentId: id, reason: "attached" },
        });
        return deleted
          ? ({ ok: true, storageKey: deleted.storageKey } as const)
          : ({ ok: false, reason: "attached" } as const);
      });
      if (!outcome.ok) return outcome;
      // The row is gone for good; a file left behind by a storage failure is unreachable and only wastes space.
      const fileRemoved = await storage.remove(outcome.storageKey).then(
        () => true,
        () => false,
      );
      return { ok: true, fileRemoved };
    },
  };

  /** The ownership check of every use case on one document; a foreign id is audited as a denial. */
  async function authorise(
    executor: DbExecutor | Database,
    actor: DocumentActor,
    document: { id: string; userId: string } | undefined,
    action: string,
  ): Promise<boolean> {
    const decision = decideAccess(actor, document);
    if (!decision.allowed && decision.reason === "foreign") {
      await writeAudit(executor, {
        event: "access.denied",
        outcome: "denied",
        userId: actor.id,
        ip: actor.ip,
        details: { resource: "document", documentId: document?.id, action },
      });
    }
    return decision.allowed;
  }
}

/** One audit record per refused attempt: the reasons, never the file name (it may carry personal data). */
async function writeRejection(
  executor: DbExecutor | Database,
  actor: DocumentActor,
  rejections: Rejection[],
  typeCode: unknown,
  file: ReceivedFile | undefined,
): Promise<void> {
  const primary = rejections.find((rejection) => rejectionField(rejection) === "file") ?? rejections[0];
  await writeAudit(executor, {
    event: "document.rejected",
    outcome: "failure",
    userId: actor.id,
    ip: actor.ip,
    details: {
      rejection: primary,
      reasons: rejections.map((rejection) => rejection.reason),
      documentType: isDocumentTypeCode(typeCode) ? typeCode : null,
      sizeBytes: file?.sizeBytes ?? null,
    },
  });
}

/**
 * W8: the requirements of `purpose` that the user's documents do not yet satisfy, each with the
 * document types that would satisfy it. Used by the /lk home page.
 */
export async function missingDocumentTypes(
  db: Database,
  userId: string,
  purpose: DocumentPurpose = "periodic_accreditation",
): Promise<readonly DocumentRequirement[]> {
  return missingRequirements(purpose, await listUserDocumentTypes(db, userId));
}
