// Reads a signature form: a few short fields and one small file (the detached CMS), or the same
// signature as base64 in `signatureBase64` when the browser's script made it. Everything in memory:
// a signature is a few kilobytes, and the plugin's limits refuse anything far larger.
import type { FastifyRequest } from "fastify";
import { assertNoControlCharacters } from "../../http/control-characters.ts";

export const MAX_SIGNATURE_BYTES = 64 * 1024;

export const signatureMultipartLimits = {
  throwFileSizeLimit: false,
  limits: {
    fileSize: MAX_SIGNATURE_BYTES,
    files: 1,
    fields: 10,
    fieldSize: 128 * 1024,
    parts: 12,
    headerPairs: 20,
  },
};

export interface SignatureForm {
  fields: Record<string, string>;
  /** The signature's bytes; undefined when neither a file nor the script's signature came. */
  signature: Uint8Array | undefined;
  /** True when the signature came from the browser's script rather than as a file. */
  browser: boolean;
}

export async function readSignatureForm(request: FastifyRequest): Promise<SignatureForm> {
  const form: SignatureForm = { fields: {}, signature: undefined, browser: false };
  for await (const part of request.parts()) {
    if (part.type !== "file") {
      const value = String(part.value);
      assertNoControlCharacters([part.fieldname, value]);
      form.fields[part.fieldname] = value;
      continue;
    }
    if (part.filename === "") {
      part.file.resume();
      continue;
    }
    const bytes = await part.toBuffer();
    // A truncated file is not the signature that was made: read as damaged.
    form.signature = part.file.truncated ? new Uint8Array() : new Uint8Array(bytes);
  }
  const fromScript = form.fields.signatureBase64?.trim();
  if (!form.signature && fromScript) {
    form.browser = true;
    form.signature = /^[A-Za-z0-9+/=\s]+$/.test(fromScript)
      ? new Uint8Array(Buffer.from(fromScript, "base64"))
      : new Uint8Array();
  }
  return form;
}
