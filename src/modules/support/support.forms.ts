// Reading the support forms: multipart (with up to three files, streamed into staging as they
// arrive) or url-encoded, into plain values.
import type { Readable } from "node:stream";
import type { FastifyRequest } from "fastify";
import { assertNoControlCharacters } from "../../http/control-characters.ts";
import type { ReceivedFile } from "../documents/received-file.ts";
import type { Values } from "./support.input.ts";

export async function readMultipart(
  request: FastifyRequest,
  receive: (source: Readable & { truncated?: boolean }, name: string) => Promise<ReceivedFile>,
): Promise<{ values: Values; files: ReceivedFile[] }> {
  const values: Values = {};
  const files: ReceivedFile[] = [];
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    for (const [name, value] of Object.entries(body)) if (typeof value === "string") values[name] = value;
    return { values, files };
  }
  try {
    for await (const part of request.parts()) {
      // File names are checked (with a field error) by the documents module's name rules.
      if (part.type !== "file") assertNoControlCharacters([part.fieldname, part.value]);
      if (part.type === "file") files.push(await receive(part.file, part.filename));
      else if (typeof part.value === "string") values[part.fieldname] = part.value;
    }
  } catch (error) {
    for (const file of files) await file.staged.discard();
    throw error;
  }
  return { values, files };
}

/** A url-encoded body as plain values. */
export function formValuesOf(body: unknown): Values {
  const values: Values = {};
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>))
    if (typeof value === "string") values[name] = value;
  return values;
}
