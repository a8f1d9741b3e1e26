// Files an organization attaches to its requests (O6, O8). The upload pipeline of the documents
// module does the work: streaming into staging with a hash, the content check and the name check;
// here only what organizations accept on top of it (PDF, and XML for a machine-readable power of
// attorney) and where the rows go.
import { Readable } from "node:stream";
import type { FastifyRequest } from "fastify";
import type { Database, DbExecutor } from "../../db/client.ts";
import { assertNoControlCharacters } from "../../http/control-characters.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DocumentsService, ReceivedFile } from "../documents/documents.service.ts";
import { type FileStorage, newStorageKey } from "../documents/storage.ts";
import { checkFileName, rejectionMessage } from "../documents/upload-rules.ts";
import { type OrganizationFilePurpose, organizationFiles } from "./activation.schema.ts";

/** What a service needs that keeps organizations' uploaded files with its records. */
export interface FilingDeps {
  db: Database;
  clock: Clock;
  storage: FileStorage;
}

export interface UploadedPart {
  field: string;
  file: ReceivedFile;
  /** The bytes, kept for the fields whose content is read (the XML power of attorney). */
  content?: Buffer;
}

export interface MultipartForm {
  fields: Record<string, string>;
  files: UploadedPart[];
}

/** Reads a multipart form; every file goes to staging as it arrives. Empty file inputs are skipped. */
export async function readMultipartForm(
  request: FastifyRequest,
  receive: DocumentsService["receive"],
  keepContentOf: readonly string[] = [],
  limits?: { fieldSize?: number },
): Promise<MultipartForm> {
  const form: MultipartForm = { fields: {}, files: [] };
  try {
    for await (const part of request.parts(limits ? { limits } : undefined)) {
      // File names are checked (with a field error) by the documents module's name rules.
      if (part.type !== "file") assertNoControlCharacters([part.fieldname, part.value]);
      if (part.type !== "file") {
        form.fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.filename === "") {
        part.file.resume();
        continue;
      }
      if (keepContentOf.includes(part.fieldname)) {
        const content = await part.toBuffer();
        const source = Object.assign(Readable.from([content]), { truncated: part.file.truncated });
        form.files.push({ field: part.fieldname, file: await receive(source, part.filename), content });
      } else {
        form.files.push({ field: part.fieldname, file: await receive(part.file, part.filename) });
      }
    }
  } catch (error) {
    await discardForm(form);
    throw error;
  }
  return form;
}

export async function discardForm(form: MultipartForm): Promise<void> {
  await Promise.all(form.files.map((part) => part.file.staged.discard()));
}

export type FileVerdict =
  | { ok: true; name: string; mediaType: string; format: "pdf" | "xml" }
  | { ok: false; message: string };

/** PDF only (XML too when `xmlAllowed`): the documents module's checks, then the format. */
export async function checkOrganizationFile(file: ReceivedFile, xmlAllowed = false): Promise<FileVerdict> {
  const name = checkFileName(file.rawName);
  if (!name.ok) return { ok: false, message: rejectionMessage(name.rejection) };
  if (file.truncated) return { ok: false, message: rejectionMessage({ reason: "too_large" }) };
  const verdict = await file.probe.verdict();
  if (verdict.ok && verdict.format === "pdf")
    return { ok: true, name: name.name, mediaType: verdict.mediaType, format: "pdf" };
  // The content check knows documents only; XML is recognised by its declaration or root element.
  if (xmlAllowed && !verdict.ok && verdict.rejection.reason === "unsupported" && /\.xml$/i.test(name.name)) {
    return { ok: true, name: name.name, mediaType: "application/xml", format: "xml" };
  }
  if (!verdict.ok && verdict.rejection.reason !== "unsupported") {
    return { ok: false, message: rejectionMessage(verdict.rejection) };
  }
  return {
    ok: false,
    message: xmlAllowed
      ? "Приложите доверенность в формате PDF или машиночитаемую доверенность в формате XML."
      : "Приложите документ в формате PDF.",
  };
}

export interface FileToStore {
  part: UploadedPart;
  name: string;
  mediaType: string;
  purpose: OrganizationFilePurpose;
}

/**
 * Inserts the rows and moves the staged files under their keys, inside the caller's transaction;
 * returns the keys so that the caller can remove them if the transaction fails after all.
 */
export async function storeOrganizationFiles(
  tx: DbExecutor,
  files: readonly FileToStore[],
  owner: { organizationId: string; subjectId: string; uploadedBy: string; at: Date },
  committed: string[],
): Promise<void> {
  for (const item of files) {
    const storageKey = newStorageKey();
    await tx.insert(organizationFiles).values({
      organizationId: owner.organizationId,
      subjectId: owner.subjectId,
      purpose: item.purpose,
      originalName: item.name,
      mediaType: item.mediaType,
      sizeBytes: item.part.file.sizeBytes,
      sha256: item.part.file.sha256,
      storageKey,
      uploadedBy: owner.uploadedBy,
      uploadedAt: owner.at,
    });
    await item.part.file.staged.commit(storageKey);
    committed.push(storageKey);
  }
}

/** After a failed transaction: the files already moved into place are taken out again. */
export async function removeCommitted(storage: FileStorage, keys: readonly string[]): Promise<void> {
  await Promise.all(keys.map((key) => storage.remove(key)));
}

/** Files the staged parts under one subject, inside the transaction that `withFiling` runs. */
export type FileStore = (
  files: readonly FileToStore[],
  owner: { organizationId: string; subjectId: string; uploadedBy: string; at: Date },
) => Promise<void>;

/**
 * Runs `work` in one transaction, with a `store` for the files that belong to what it writes; when the
 * transaction fails, the files already moved into place are taken out again.
 */
export async function withFiling<Result>(
  deps: Pick<FilingDeps, "db" | "storage">,
  work: (tx: DbExecutor, store: FileStore) => Promise<Result>,
): Promise<Result> {
  const committed: string[] = [];
  try {
    return await deps.db.transaction((tx) =>
      work(tx, (files, owner) => storeOrganizationFiles(tx, files, owner, committed)),
    );
  } catch (error) {
    await removeCommitted(deps.storage, committed);
    throw error;
  }
}
