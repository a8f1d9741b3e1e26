// Response headers of a document download (an attachment) and of its view in the browser (inline,
// under a policy that lets the browser show the file and nothing else).
import { acceptedFormats } from "./upload-rules.ts";

const extensionsByMediaType: Record<string, readonly string[]> = {
  [acceptedFormats.pdf.mediaType]: ["pdf"],
  [acceptedFormats.jpeg.mediaType]: ["jpg", "jpeg", "jpe"],
  [acceptedFormats.png.mediaType]: ["png"],
};

/** The original name, with the extension of the real content added when the name claims another. */
export function downloadFileName(originalName: string, mediaType: string): string {
  const extensions = extensionsByMediaType[mediaType] ?? [];
  const current = /\.([^.]+)$/.exec(originalName)?.[1]?.toLowerCase();
  if (current && extensions.includes(current)) return originalName;
  return extensions[0] ? `${originalName}.${extensions[0]}` : originalName;
}

/** `attachment` (or `inline`) with an ASCII fallback and the exact name in RFC 5987 `filename*`. */
export function contentDisposition(
  fileName: string,
  disposition: "attachment" | "inline" = "attachment",
): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

type StoredFile = { originalName: string; mediaType: string; sizeBytes: number };

/** The media types a browser shows by itself; anything else is only ever downloaded. */
export const viewableMediaTypes: ReadonlySet<string> = new Set(
  Object.values(acceptedFormats).map((format) => format.mediaType),
);

export function downloadHeaders(document: StoredFile) {
  return {
    "content-type": document.mediaType,
    "content-length": String(document.sizeBytes),
    "content-disposition": contentDisposition(downloadFileName(document.originalName, document.mediaType)),
    "x-content-type-options": "nosniff",
    "cache-control": "private, no-store",
    // Should a browser ever render the file, it gets no script and no origin.
    "content-security-policy": "default-src 'none'; sandbox",
  };
}

/**
 * Headers for showing the file in a new tab. The content type is the sniffed one (never the name's),
 * nosniff keeps it so, and the policy allows no script, no connection, no form and no framing:
 * only the browser's own image or PDF viewer draws the bytes (its inline styles are allowed; Chromium
 * and Firefox show PDFs under `sandbox`).
 */
export function viewHeaders(document: StoredFile) {
  return {
    ...downloadHeaders(document),
    "content-disposition": contentDisposition(
      downloadFileName(document.originalName, document.mediaType),
      "inline",
    ),
    "content-security-policy":
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'; sandbox",
  };
}
