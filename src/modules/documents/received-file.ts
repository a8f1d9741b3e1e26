// Receiving an uploaded file and checking it, shared by every module that takes files (documents,
// support requests): the bytes are streamed into staging while hashed and sniffed, then judged by
// the rules of upload-rules.ts. Memory use does not grow with the file.
import { createHash } from "node:crypto";
import { type Readable, Transform } from "node:stream";
import { ContentProbe } from "./content-check.ts";
import type { FileStorage, StagedFile } from "./storage.ts";
import { checkFileName, type Rejection } from "./upload-rules.ts";

/** A file part read to its end into the staging area, with what was learnt on the way. */
export interface ReceivedFile {
  rawName: string;
  staged: StagedFile;
  sizeBytes: number;
  sha256: string;
  /** The multipart parser stopped at the size limit: the file is larger than allowed. */
  truncated: boolean;
  probe: ContentProbe;
}

export async function receiveFile(
  storage: FileStorage,
  source: Readable & { truncated?: boolean },
  rawName: string,
): Promise<ReceivedFile> {
  const probe = new ContentProbe();
  const hash = createHash("sha256");
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      probe.feed(chunk);
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  source.once("error", (error) => meter.destroy(error));
  const staged = await storage.stage(source.pipe(meter));
  return {
    rawName,
    staged,
    sizeBytes: probe.size,
    sha256: hash.digest("hex"),
    truncated: source.truncated === true,
    probe,
  };
}

export type FileCheck = { ok: true; name: string; mediaType: string } | { ok: false; rejection: Rejection };

/** The name, the size and the content, in that order; the first failure is the one reported. */
export async function checkReceivedFile(file: ReceivedFile | undefined): Promise<FileCheck> {
  if (!file || (file.rawName === "" && file.sizeBytes === 0))
    return { ok: false, rejection: { reason: "missing_file" } };
  const name = checkFileName(file.rawName);
  if (!name.ok) return name;
  if (file.truncated) return { ok: false, rejection: { reason: "too_large" } };
  const verdict = await file.probe.verdict();
  if (!verdict.ok) return verdict;
  return { ok: true, name: name.name, mediaType: verdict.mediaType };
}
