// Screenshots and files of a request or a reply: up to three, each checked by content with the
// documents module's rules (PNG, JPG, PDF, ≤ 5 MB). A refused file refuses the whole form and
// leaves no row and no file behind.
import type { DbExecutor } from "../../db/client.ts";
import { insertRow } from "../../db/rows.ts";
import { checkReceivedFile, type ReceivedFile } from "../documents/received-file.ts";
import { type FileStorage, newStorageKey } from "../documents/storage.ts";
import { rejectionMessage } from "../documents/upload-rules.ts";
import type { FieldProblem } from "./support.input.ts";
import { MAX_ATTACHMENTS } from "./support.input.ts";
import { supportAttachments } from "./support.schema.ts";

export interface CheckedFile {
  file: ReceivedFile;
  name: string;
  mediaType: string;
}

/** Files the sender left empty (no file chosen) are skipped; every other one must pass. */
export async function checkAttachments(
  files: readonly ReceivedFile[],
): Promise<{ checked: CheckedFile[]; problems: FieldProblem[]; reasons: string[] }> {
  const chosen = files.filter((file) => !(file.rawName === "" && file.sizeBytes === 0));
  const checked: CheckedFile[] = [];
  const problems: FieldProblem[] = [];
  const reasons: string[] = [];
  if (chosen.length > MAX_ATTACHMENTS) {
    problems.push({ field: "files", message: `Можно приложить не больше ${MAX_ATTACHMENTS} файлов.` });
    reasons.push("too_many");
  }
  for (const file of chosen.slice(0, MAX_ATTACHMENTS)) {
    const verdict = await checkReceivedFile(file);
    if (verdict.ok) checked.push({ file, name: verdict.name, mediaType: verdict.mediaType });
    else {
      const label = file.rawName ? `«${file.rawName.slice(0, 80)}»: ` : "";
      problems.push({ field: "files", message: `${label}${rejectionMessage(verdict.rejection)}` });
      reasons.push(verdict.rejection.reason);
    }
  }
  return { checked, problems, reasons };
}

/**
 * Writes the attachment rows and moves the files into place, inside the caller's transaction. The
 * keys moved are pushed to `committed`, so that the caller can take them back out if the
 * transaction fails afterwards.
 */
export async function storeAttachments(
  tx: DbExecutor,
  files: readonly CheckedFile[],
  target: { requestId: string; messageId: number | null; now: Date },
  committed: string[],
): Promise<void> {
  for (const { file, name, mediaType } of files) {
    const storageKey = newStorageKey();
    await insertRow(tx, supportAttachments, {
      requestId: target.requestId,
      messageId: target.messageId,
      originalName: name,
      mediaType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      storageKey,
      uploadedAt: target.now,
    });
    await file.staged.commit(storageKey);
    committed.push(storageKey);
  }
}

/** Runs `work` with the received files; whatever happens, nothing staged stays behind. */
export async function withFiles<T>(
  storage: FileStorage,
  files: readonly ReceivedFile[],
  work: (committed: string[]) => Promise<T>,
): Promise<T> {
  const committed: string[] = [];
  try {
    return await work(committed);
  } catch (error) {
    for (const key of committed) await storage.remove(key).catch(() => undefined);
    throw error;
  } finally {
    for (const file of files) await file.staged.discard();
  }
}
