import assert from "node:assert/strict";
import { test } from "node:test";
import { csvDocument } from "../organizations/csv.ts";
import { checkHeader, checkLine, decodeCsv, parseCsv } from "./staff-import.csv.ts";

test("records keep the line they start on; quotes, doubled quotes, line breaks in quotes and blank lines", () => {
  const text = 'a;b;c\r\n1;"x; y";"he said ""hi"""\r\n\r\n2;"multi\nline";z\n3;;\n';
  assert.deepEqual(parseCsv(text), [
    { line: 1, cells: ["a", "b", "c"] },
    { line: 2, cells: ["1", "x; y", 'he said "hi"'] },
    { line: 4, cells: ["2", "multi\nline", "z"] },
    { line: 6, cells: ["3", "", ""] },
  ]);
});

test("the delimiter is the header's: commas work as well as semicolons", () => {
  assert.deepEqual(parseCsv("СНИЛС,Фамилия\n1,2"), [
    { line: 1, cells: ["СНИЛС", "Фамилия"] },
    { line: 2, cells: ["1", "2"] },
  ]);
});

test("UTF-8 with a byte order mark and Windows-1251 both decode", () => {
  assert.equal(decodeCsv(Buffer.from("\uFEFFСНИЛС", "utf8")), "СНИЛС");
  assert.equal(decodeCsv(Buffer.from([0xd1, 0xcd, 0xc8, 0xcb, 0xd1])), "СНИЛС");
});

test("headers are found in any order and case; missing required ones are named", () => {
  const header = checkHeader([
    "дата начала",
    "ТИП ЗАНЯТИЯ",
    "Ставка",
    "Должность",
    "Имя",
    "Фамилия",
    "СНИЛС",
  ]);
  assert.ok(header.ok);
  assert.equal(header.ok && header.positions.get("snils"), 6);
  const missing = checkHeader(["СНИЛС", "Фамилия"]);
  assert.equal(missing.ok, false);
  assert.match(
    missing.ok ? "" : missing.message,
    /«Имя», «Должность», «Ставка», «Тип занятия», «Дата начала»/,
  );
});

test("a line is checked on its own and normalised for the register", () => {
  const header = checkHeader([
    "СНИЛС",
    "Фамилия",
    "Имя",
    "Отчество",
    "Дата рождения",
    "Пол",
    "Должность",
    "Подразделение",
    "Ставка",
    "Тип занятия",
    "Дата начала",
  ]);
  assert.ok(header.ok);
  if (!header.ok) return;
  const cells = [
    "112-233-445 95",
    "Соколова",
    "Елена",
    "",
    "12.04.1990",
    "ж",
    "Врач-терапевт",
    " Поликлиника ",
    "0,5",
    "Совместительство",
    "01.09.2025",
  ];
  assert.deepEqual(checkLine(7, cells, header.positions, "2026-11-21"), {
    ok: true,
    row: {
      line: 7,
      snils: "11223344595",
      lastName: "Соколова",
      firstName: "Елена",
      patronymic: null,
      birthDate: "1990-04-12",
      gender: "F",
      postId: "109",
      departmentName: "Поликлиника",
      rate: 0.5,
      positionTypeId: "part-time",
      beginDate: "2025-09-01",
    },
  });
  const bad = checkLine(
    8,
    [
      "112-233-445 96",
      "Соколова",
      "Елена",
      "",
      "",
      "",
      "врач-терапевт",
      "",
      "1,75",
      "основное",
      "2025-13-01",
    ],
    header.positions,
    "2026-11-21",
  );
  assert.deepEqual(bad, {
    ok: false,
    messages: [
      "В СНИЛС ошибка: контрольное число не сходится. Проверьте цифры.",
      "Ставка — от 0,25 до 1,5.",
      "Дата начала работы — в формате ДД.ММ.ГГГГ.",
    ],
  });
});

test("CSV downloads neutralise spreadsheet formulas and quote what needs it", () => {
  assert.equal(
    csvDocument(
      ["a", "b"],
      [
        ["=SUM(A1)", 'x;"y"'],
        [null, 1.5],
        ["-1", -7],
      ],
    ),
    // Numbers as Excel in a Russian locale reads them; a negative number is not a formula.
    '\uFEFFa;b\r\n\'=SUM(A1);"x;""y"""\r\n;1,5\r\n\'-1;-7\r\n',
  );
});
