// Decides what an uploaded file is from its bytes alone, never from its name or the browser's
// MIME type. The probe sees the stream chunk by chunk and keeps only the head, the tail and a few
// bytes of overlap, so memory stays bounded whatever the file size.
import { fileTypeFromBuffer } from "file-type";
import { type AcceptedFormat, acceptedFormats, type Rejection } from "./upload-rules.ts";

export type ContentVerdict =
  | { ok: true; format: AcceptedFormat; mediaType: string }
  | { ok: false; rejection: Rejection };

const HEAD_BYTES = 8192;
// Trailers must sit at the very end: a PDF's `startxref … %%EOF`, a PNG's IEND, a JPEG's EOI.
const TAIL_BYTES = 1024;
const ENCRYPT = Buffer.from("/Encrypt", "latin1");
const PNG_IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const JPEG_EOI = Buffer.from([0xff, 0xd9]);

// Programs and packages of programs, refused with their own message.
const executableTypes = new Set([
  "exe",
  "elf",
  "macho",
  "wasm",
  "class",
  "dex",
  "apk",
  "jar",
  "lnk",
  "deb",
  "rpm",
  "swf",
]);

export class ContentProbe {
  size = 0;
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  private tail: Buffer = Buffer.alloc(0);
  private overlap: Buffer = Buffer.alloc(0);
  private encryptSeen = false;

  feed(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.headLength < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - this.headLength);
      this.headChunks.push(Buffer.from(part));
      this.headLength += part.length;
    }
    this.tail =
      chunk.length >= TAIL_BYTES
        ? Buffer.from(chunk.subarray(chunk.length - TAIL_BYTES))
        : Buffer.concat([this.tail, chunk]).subarray(-TAIL_BYTES);
    this.scanForEncryption(chunk);
  }

  async verdict(): Promise<ContentVerdict> {
    if (this.size === 0) return reject({ reason: "empty" });
    const head = Buffer.concat(this.headChunks);
    const detected = await fileTypeFromBuffer(head);
    if (detected && executableTypes.has(detected.ext)) return reject({ reason: "executable" });
    switch (detected?.ext) {
      case "pdf":
        return this.pdfVerdict(head);
      case "jpg":
        return this.tail.includes(JPEG_EOI) ? accept("jpeg") : reject({ reason: "image_damaged" });
      case "png":
      case "apng":
        return head.toString("latin1", 12, 16) === "IHDR" && this.tail.includes(PNG_IEND)
          ? accept("png")
          : reject({ reason: "image_damaged" });
      default:
        // Text has no signature, and file-type may mistake UTF-16 text for audio: look at it as text.
        return this.textVerdict(head, detected?.ext);
    }
  }

  /** Markup and scripts carry no binary signature: they are recognised by their text. */
  private textVerdict(head: Buffer, detected: string | undefined): ContentVerdict {
    const text = decodeText(head).trimStart().toLowerCase();
    if (/<svg[\s>]/.test(text)) return reject({ reason: "svg" });
    if (/<!doctype html|<(html|head|body|script|iframe)[\s>]/.test(text)) return reject({ reason: "html" });
    if (text.startsWith("#!")) return reject({ reason: "executable" });
    // A PDF whose header was cut off or mangled still ends like one.
    if (head.subarray(0, 1024).includes("%PDF") || this.tail.includes("%%EOF"))
      return reject({ reason: "pdf_damaged" });
    return reject(detected ? { reason: "unsupported", detected } : { reason: "unsupported" });
  }

  private pdfVerdict(head: Buffer): ContentVerdict {
    if (!/^%PDF-[12]\.\d/.test(head.toString("latin1", 0, 8))) return reject({ reason: "pdf_damaged" });
    const trailer = /startxref\s+(\d+)\s+%%EOF[\s\0]*$/.exec(this.tail.toString("latin1"));
    if (!trailer || Number(trailer[1]) >= this.size) return reject({ reason: "pdf_damaged" });
    if (this.encryptSeen) return reject({ reason: "pdf_encrypted" });
    return accept("pdf");
  }

  // The encryption dictionary is referenced from the trailer (or the cross-reference stream's
  // dictionary, which is never compressed), so the name appears in the raw bytes of any encrypted PDF.
  private scanForEncryption(chunk: Buffer): void {
    if (this.encryptSeen) return;
    const seam = Buffer.concat([this.overlap, chunk.subarray(0, ENCRYPT.length - 1)]);
    this.encryptSeen = seam.includes(ENCRYPT) || chunk.includes(ENCRYPT);
    const keep = ENCRYPT.length - 1;
    this.overlap =
      chunk.length >= keep
        ? Buffer.from(chunk.subarray(-keep))
        : Buffer.concat([this.overlap, chunk]).subarray(-keep);
  }
}

function decodeText(head: Buffer): string {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder("utf-16le").decode(head);
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder("utf-16be").decode(head);
  return head.toString("latin1");
}

const accept = (format: AcceptedFormat): ContentVerdict => ({
  ok: true,
  format,
  mediaType: acceptedFormats[format].mediaType,
});

const reject = (rejection: Rejection): ContentVerdict => ({ ok: false, rejection });
