// Reads the text of a PDF made by pdfkit, the way a PDF reader does: inflates the streams, decodes
// the glyph codes of each text operator through the ToUnicode map of the font in use. Enough for
// asserting what an extract says, and proof that the embedded fonts map back to real characters.
import { spawnSync } from "node:child_process";
import { inflateSync } from "node:zlib";

interface PdfObject {
  dictionary: string;
  stream: Buffer | undefined;
}

// Walks the objects by their stream /Length, not by searching for «endobj»: compressed bytes can
// hold that word by chance, and a search would cut such a stream short.
export function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const source = pdf.toString("latin1");
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  for (let match = header.exec(source); match; match = header.exec(source)) {
    const bodyStart = header.lastIndex;
    const objectEnd = source.indexOf("endobj", bodyStart);
    if (objectEnd < 0) break;
    const streamAt = source.slice(bodyStart, objectEnd).search(/stream\r?\n/);
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dictionary: source.slice(bodyStart, objectEnd), stream: undefined });
      header.lastIndex = objectEnd;
      continue;
    }
    const dictionary = source.slice(bodyStart, bodyStart + streamAt);
    const dataStart = source.indexOf("\n", bodyStart + streamAt) + 1;
    const length = /\/Length (\d+)(?! \d+ R)/.exec(dictionary)?.[1];
    if (length === undefined) throw new Error(`PDF object ${match[1]}: the stream has no direct /Length`);
    const dataEnd = dataStart + Number(length);
    let raw = pdf.subarray(dataStart, dataEnd);
    if (/\/FlateDecode/.test(dictionary)) raw = inflateSync(raw);
    objects.set(Number(match[1]), { dictionary, stream: raw });
    const after = source.indexOf("endobj", dataEnd);
    if (after < 0) break;
    header.lastIndex = after + "endobj".length;
  }
  return objects;
}

/** bfchar and bfrange entries of a ToUnicode CMap: glyph code → text. */
function parseCmap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => Buffer.from(hex, "hex").swap16().toString("utf16le");
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of (block[1] ?? "").matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      map.set((pair[1] ?? "").toLowerCase(), utf16(pair[2] ?? ""));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of (block[1] ?? "").matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
    )) {
      const [from, to] = [Number.parseInt(range[1] ?? "", 16), Number.parseInt(range[2] ?? "", 16)];
      const width = (range[1] ?? "").length;
      const targets = [...(range[3] ?? "").matchAll(/<([0-9a-fA-F]+)>/g)].map((target) => target[1] ?? "");
      for (let code = from; code <= to; code++) {
        const key = code.toString(16).padStart(width, "0");
        if ((range[3] ?? "").startsWith("[")) map.set(key, utf16(targets[code - from] ?? ""));
        else {
          const base = Number.parseInt(targets[0] ?? "", 16) + (code - from);
          map.set(key, String.fromCodePoint(base));
        }
      }
    }
  }
  return map;
}

export function pdfText(pdf: Buffer): string {
  const objects = parseObjects(pdf);
  const cmapOfFont = new Map<number, Map<string, string>>();
  for (const [id, object] of objects) {
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(object.dictionary)?.[1];
    const cmap = toUnicode ? objects.get(Number(toUnicode))?.stream : undefined;
    if (cmap) cmapOfFont.set(id, parseCmap(cmap.toString("latin1")));
  }
  const fontByName = new Map<string, number>();
  for (const object of objects.values()) {
    for (const fonts of object.dictionary.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
      for (const entry of (fonts[1] ?? "").matchAll(/\/(\w+) (\d+) 0 R/g))
        fontByName.set(entry[1] ?? "", Number(entry[2]));
    }
  }
  let text = "";
  for (const object of objects.values()) {
    const content = object.stream?.toString("latin1") ?? "";
    if (!/ Tf\b/.test(content)) continue;
    let cmap: Map<string, string> | undefined;
    for (const token of content.matchAll(/\/(\w+) [\d.]+ Tf|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (token[1]) cmap = cmapOfFont.get(fontByName.get(token[1]) ?? -1);
      else {
        const hexes =
          token[2] !== undefined
            ? [...token[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1] ?? "")
            : [token[3] ?? ""];
        for (const hex of hexes) {
          for (let at = 0; at < hex.length; at += 4)
            text += cmap?.get(hex.slice(at, at + 4).toLowerCase()) ?? "";
        }
      }
    }
  }
  return text;
}

/**
 * The text as poppler's `pdftotext -layout` lays it out (Debian's poppler-utils): one output line per
 * line on the page, so text drawn over other text or cut mid-line shows up as broken lines.
 */
export function pdfLayoutLines(pdf: Buffer): string[] {
  const result = spawnSync("pdftotext", ["-layout", "-enc", "UTF-8", "-", "-"], { input: pdf });
  if (result.error || result.status !== 0)
    throw new Error(`pdftotext failed (is poppler-utils installed?): ${result.error ?? result.stderr}`);
  return result.stdout
    .toString("utf8")
    .split("\n")
    .map((line) => line.trim().replace(/\s{2,}/g, "  "))
    .filter((line) => line !== "");
}
