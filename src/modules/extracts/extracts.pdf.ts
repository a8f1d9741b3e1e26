// The extract (выписка) as a PDF (C2): pdfkit with PT Sans embedded, and a QR code drawn as vector
// squares that leads to the public verification page.
//
// PT Sans comes from @fontsource/pt-sans, already used by the site. That package ships the font
// split by alphabet (WOFF subsets: Cyrillic, Latin); pdfkit embeds WOFF through fontkit, so each
// run of text is set in the subset that has its letters.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { formatDate } from "../../shared/format.ts";
import { paragraph, type Run } from "./pdf-layout.ts";

export interface ExtractData {
  number: string;
  issuedOn: string;
  fullName: string;
  snils: string | null;
  specialty: string;
  kind: string;
  passDate: string;
  endDate: string;
  protocolNumber: string;
  protocolDate: string;
  institution: string;
  verifyUrl: string;
}

const fontsDir = `${createRequire(import.meta.url)
  .resolve("@fontsource/pt-sans/package.json")
  .replace(/package\.json$/, "")}files/`;
const fontFile = (subset: string, weight: number) =>
  readFileSync(`${fontsDir}pt-sans-${subset}-${weight}-normal.woff`);
const fonts = {
  regular: { cyrillic: fontFile("cyrillic", 400), latin: fontFile("latin", 400) },
  bold: { cyrillic: fontFile("cyrillic", 700), latin: fontFile("latin", 700) },
};

// The Cyrillic subset's unicode-range (U+0301, U+0400–045F, U+0490–0491, U+04B0–04B1, U+2116).
const CYRILLIC = /[\u0301\u0400-\u045f\u0490\u0491\u04b0\u04b1\u2116]/;

/** Splits text into runs that one subset can set: Cyrillic letters, and everything else. */
export function scriptRuns(text: string): { cyrillic: boolean; text: string }[] {
  const runs: { cyrillic: boolean; text: string }[] = [];
  for (const char of text) {
    const cyrillic = CYRILLIC.test(char);
    const last = runs.at(-1);
    if (last && last.cyrillic === cyrillic) last.text += char;
    else runs.push({ cyrillic, text: char });
  }
  return runs;
}

type Doc = InstanceType<typeof PDFDocument>;

/** The runs of a text in the registered fonts of one weight: Cyrillic subset or Latin subset. */
const runsIn =
  (weight: "regular" | "bold") =>
  (text: string): Run[] =>
    scriptRuns(text).map((run) => ({
      font: `${weight}-${run.cyrillic ? "cyrillic" : "latin"}`,
      text: run.text,
    }));

function drawQr(doc: Doc, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const count = qr.modules.size;
  const cell = size / (count + 8);
  const offset = cell * 4; // the quiet zone the standard asks for
  for (let row = 0; row < count; row++) {
    for (let column = 0; column < count; column++) {
      if (qr.modules.get(row, column))
        doc.rect(x + offset + column * cell, y + offset + row * cell, cell, cell);
    }
  }
  doc.fill("#000000");
}

export async function renderExtractPdf(data: ExtractData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    info: { Title: `Выписка № ${data.number}`, Author: "ФРМР — личный кабинет" },
    lang: "ru-RU",
  });
  for (const weight of ["regular", "bold"] as const) {
    doc.registerFont(`${weight}-cyrillic`, fonts[weight].cyrillic);
    doc.registerFont(`${weight}-latin`, fonts[weight].latin);
  }
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  const left = doc.page.margins.left;
  const regular = runsIn("regular");
  const bold = runsIn("bold");
  let y = doc.page.margins.top;
  y = paragraph(doc, "Выписка из Федерального регистра\nмедицинских и фармацевтических работников", left, y, {
    runs: bold,
    size: 15,
    align: "center",
  });
  y = paragraph(doc, "о прохождении аккредитации специалиста", left, y + 4, {
    runs: regular,
    size: 12,
    align: "center",
  });
  y = paragraph(doc, `№ ${data.number} от ${formatDate(data.issuedOn)}`, left, y + 6, {
    runs: regular,
    size: 11,
    align: "center",
  });
  y += 24;

  const rows: [string, string][] = [
    ["Фамилия, имя, отчество", data.fullName],
    ...(data.snils ? [["СНИЛС", data.snils] as [string, string]] : []),
    ["Специальность", data.specialty],
    ["Вид аккредитации", data.kind],
    ["Результат", "аккредитация пройдена"],
    ["Дата прохождения", formatDate(data.passDate)],
    ["Протокол", `№ ${data.protocolNumber} от ${formatDate(data.protocolDate)}`],
    ["Действует до", formatDate(data.endDate)],
    ["Аккредитационная комиссия", data.institution],
  ];
  for (const [label, value] of rows) {
    y = paragraph(doc, label, left, y, { runs: regular, size: 9 });
    y = paragraph(doc, value, left, y, { runs: bold, size: 12 }) + 8;
  }

  const qrSize = 130;
  const qrY = Math.max(y + 10, 560);
  drawQr(doc, data.verifyUrl, left, qrY, qrSize);
  const textX = left + qrSize + 16;
  const textY = paragraph(doc, "Проверить выписку можно по QR-коду или на странице", textX, qrY + 24, {
    runs: regular,
    size: 10,
  });
  paragraph(doc, data.verifyUrl, textX, textY, {
    runs: regular,
    size: 10,
    link: data.verifyUrl,
    underline: true,
  });
  doc.end();
  return done;
}
