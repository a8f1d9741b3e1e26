// The multipart settings of a form that carries a few attached files (W7: 5 MB each) and short fields.
import { MAX_FILE_BYTES } from "./upload-rules.ts";

export function attachmentFormMultipart(attachments: number, fieldSize: number) {
  return {
    // Busboy would strip the directory part of a name; the original is needed to refuse it.
    preservePath: true,
    // The size is checked by the form's reader, which needs to see the truncation, not an exception.
    throwFileSizeLimit: false,
    limits: {
      fileSize: MAX_FILE_BYTES,
      // One more than allowed, so that a file too many is refused with a message rather than an error.
      files: attachments + 1,
      fields: 20,
      fieldSize,
      parts: 30,
      headerPairs: 20,
    },
  };
}
