// The extract's layout as a PDF reader sees it: poppler's `pdftotext -layout` must find every line of
// the title whole and in order, and long values wrapped inside the page instead of drawn over.
import assert from "node:assert/strict";
import { test } from "node:test";
import { pdfLayoutLines } from "../../../test/support/pdf-text.ts";
import { type ExtractData, renderExtractPdf } from "./extracts.pdf.ts";

const data: ExtractData = {
  number: "2026-0000-0042",
  issuedOn: "2026-11-30",
  fullName: "Константинопольская Александра Вячеславовна",
  snils: "112-233-445 95",
  specialty: "Организация здравоохранения и общественное здоровье",
  kind: "Периодическая аккредитация",
  passDate: "2026-11-23",
  endDate: "2031-11-23",
  protocolNumber: "47/2026",
  protocolDate: "2026-11-23",
  institution:
    "Аккредитационная подкомиссия по специальностям высшего медицинского образования Федерального аккредитационного центра (г. Москва)",
  verifyUrl: "https://frmr.example/verify/2026-0000-0042",
};

test("pdftotext finds the title lines whole, one under another, before the data", async () => {
  const lines = pdfLayoutLines(await renderExtractPdf(data));
  assert.deepEqual(lines.slice(0, 4), [
    "Выписка из Федерального регистра",
    "медицинских и фармацевтических работников",
    "о прохождении аккредитации специалиста",
    "№ 2026-0000-0042 от 30.11.2026",
  ]);
  const order = ["Фамилия, имя, отчество", data.fullName, "СНИЛС", "Специальность", data.specialty];
  const positions = order.map((line) => lines.indexOf(line));
  assert.ok(
    positions.every((at, index) => at > 3 && (index === 0 || at > (positions[index - 1] ?? 0))),
    `labels and values in order: ${JSON.stringify(positions)}\n${lines.join("\n")}`,
  );
  assert.ok(lines.includes("№ 47/2026 от 23.11.2026"));
  assert.ok(lines.includes("23.11.2031"));
});

test("a long commission name wraps on word boundaries and keeps every word", async () => {
  const lines = pdfLayoutLines(await renderExtractPdf(data));
  const start = lines.indexOf("Аккредитационная комиссия") + 1;
  const wrapped = lines.slice(start, start + 3);
  assert.ok(
    wrapped.length >= 2 && wrapped[0]?.startsWith("Аккредитационная подкомиссия"),
    wrapped.join("\n"),
  );
  const words = data.institution.split(" ");
  const joined = lines.slice(start).join(" ");
  assert.ok(joined.startsWith(words.join(" ")), `all words, in order:\n${lines.slice(start).join("\n")}`);
});

test("the verification address is printed whole next to the QR code", async () => {
  const lines = pdfLayoutLines(await renderExtractPdf(data));
  assert.ok(lines.includes("Проверить выписку можно по QR-коду или на странице"), lines.join("\n"));
  assert.ok(lines.includes(data.verifyUrl));
});
