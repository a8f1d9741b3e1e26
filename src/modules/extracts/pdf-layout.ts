// Line layout for pdfkit text set in several fonts at once.
//
// PT Sans ships as one font per alphabet (see extracts.pdf.ts), so a line of Russian text with
// digits or Latin letters is several runs in different fonts. pdfkit's own wrapping works per call:
// with `continued` runs and centred or wrapped text it positions each run as if it were alone, and
// the runs are drawn over each other. Here the line breaks and positions are computed for the whole
// paragraph, then each run is drawn at its own place with pdfkit's wrapping off.
import type PDFDocument from "pdfkit";

type Doc = InstanceType<typeof PDFDocument>;

export interface Run {
  font: string;
  text: string;
}

export interface ParagraphStyle {
  /** Names the registered font of each run of the text (by alphabet). */
  runs: (text: string) => Run[];
  size: number;
  align?: "left" | "center";
  /** Defaults to the page width between the margins, from `x`. */
  width?: number;
  /** Line height as a multiple of the font size. */
  leading?: number;
  link?: string;
  underline?: boolean;
}

interface Piece extends Run {
  width: number;
}

function measure(doc: Doc, runs: Run[], size: number): Piece[] {
  return runs.map((run) => ({ ...run, width: doc.font(run.font).fontSize(size).widthOfString(run.text) }));
}

const widthOf = (pieces: Piece[]): number => pieces.reduce((sum, piece) => sum + piece.width, 0);

/** A word too long for the line (a URL) is cut into pieces that fit, letter by letter. */
function cutToFit(doc: Doc, style: ParagraphStyle, word: string, width: number): string[] {
  const parts: string[] = [];
  let current = "";
  for (const char of word) {
    const candidate = current + char;
    if (current && widthOf(measure(doc, style.runs(candidate), style.size)) > width) {
      parts.push(current);
      current = char;
    } else current = candidate;
  }
  if (current) parts.push(current);
  return parts;
}

/** Greedy line breaking on spaces, measuring each candidate line in its real fonts; `\n` forces a break. */
export function breakLines(doc: Doc, text: string, style: ParagraphStyle, width: number): string[] {
  if (text.includes("\n")) return text.split("\n").flatMap((part) => breakLines(doc, part, style, width));
  const lines: string[] = [];
  let line = "";
  const fits = (candidate: string) => widthOf(measure(doc, style.runs(candidate), style.size)) <= width;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    const parts = fits(word) ? [word] : cutToFit(doc, style, word, width);
    line = parts.pop() ?? "";
    lines.push(...parts);
  }
  if (line) lines.push(line);
  return lines;
}

/** Draws a paragraph from (x, y) and returns the y below it. */
export function paragraph(doc: Doc, text: string, x: number, y: number, style: ParagraphStyle): number {
  const width = style.width ?? doc.page.width - doc.page.margins.right - x;
  const lineHeight = style.size * (style.leading ?? 1.3);
  let top = y;
  for (const line of breakLines(doc, text, style, width)) {
    const pieces = measure(doc, style.runs(line), style.size);
    let left = style.align === "center" ? x + (width - widthOf(pieces)) / 2 : x;
    for (const piece of pieces) {
      doc
        .font(piece.font)
        .fontSize(style.size)
        .text(piece.text, left, top, {
          lineBreak: false,
          ...(style.link ? { link: style.link } : {}),
          ...(style.underline ? { underline: true } : {}),
        });
      left += piece.width;
    }
    top += lineHeight;
  }
  return top;
}
