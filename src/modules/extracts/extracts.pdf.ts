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

function write(
  doc: Doc,
  text: string,
  weight: "regular" | "bold",
  size: number,
  options: PDFKit.Mixins.TextOptions = {},
) {
  const runs = scriptRuns(text);
  runs.forEach((run, index) => {
    doc
      .font(`${weight}-${run.cyrillic ? "cyrillic" : "latin"}`)
      .fontSize(size)
      .text(run.text, { ...options, continued: index < runs.length - 1 });
  });
}

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

const date = (iso: string): string => iso.split("-").reverse().join(".");

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

  write(doc, "Выписка из Федерального регистра медицинских и фармацевтических работников", "bold", 15, {
    align: "center",
  });
  doc.moveDown(0.3);
  write(doc, "о прохождении аккредитации специалиста", "regular", 12, { align: "center" });
  doc.moveDown(0.6);
  write(doc, `№ ${data.number} от ${date(data.issuedOn)}`, "regular", 11, { align: "center" });
  doc.moveDown(1.5);

  const rows: [string, string][] = [
    ["Фамилия, имя, отчество", data.fullName],
    ...(data.snils ? [["СНИЛС", data.snils] as [string, string]] : []),
    ["Специальность", data.specialty],
    ["Вид аккредитации", data.kind],
    ["Результат", "аккредитация пройдена"],
    ["Дата прохождения", date(data.passDate)],
    ["Протокол", `№ ${data.protocolNumber} от ${date(data.protocolDate)}`],
    ["Действует до", date(data.endDate)],
    ["Аккредитационная комиссия", data.institution],
  ];
  for (const [label, value] of rows) {
    write(doc, label, "regular", 9, { characterSpacing: 0.2 });
    write(doc, value, "bold", 12);
    doc.moveDown(0.5);
  }

  const qrSize = 130;
  const qrY = Math.max(doc.y + 10, 560);
  drawQr(doc, data.verifyUrl, 56, qrY, qrSize);
  doc.x = 56 + qrSize + 16;
  doc.y = qrY + 24;
  write(doc, "Проверить выписку можно по QR-коду или на странице", "regular", 10, { width: 300 });
  write(doc, data.verifyUrl, "regular", 10, { width: 300, link: data.verifyUrl, underline: true });
  doc.end();
  return done;
}
