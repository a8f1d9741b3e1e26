// Response headers of a document download: always an attachment, never rendered by the browser.
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

/** `attachment` with an ASCII fallback and the exact name in RFC 5987 `filename*`. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export function downloadHeaders(document: { originalName: string; mediaType: string; sizeBytes: number }) {
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
