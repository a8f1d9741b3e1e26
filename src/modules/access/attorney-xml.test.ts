import assert from "node:assert/strict";
import { test } from "node:test";
import { parseAttorneyXml } from "./attorney-xml.ts";

function sampleAttorneyXml(
  overrides: Partial<Record<"number" | "issued" | "until" | "inn" | "snils", string>> = {},
): string {
  const o = {
    number: "4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
    issued: "2026-09-01",
    until: "2027-08-31",
    inn: "7701001238",
    snils: "186-605-041 00",
    ...overrides,
  };
  return `<?xml version="1.0" encoding="UTF-8"?>
<Доверенность xmlns="urn://x-artefacts/EMCHD_1" ВерсФорм="EMCHD_1">
  <Документ>
    <Довер>
      <СвДов ВидДовер="1" НомДовер="${o.number}" ДатаВыдДовер="${o.issued}" СрокДейст="${o.until}"/>
      <СвДоверит ТипДоверит="1"><Доверит><РосОргДовер><СвРосОрг НаимОрг="ГБУЗ" ИННЮЛ="${o.inn}" КПП="770101001" ОГРН="1027700123450"/>
        <ЛицоБезДов><СвФЛ><СведФЛ СНИЛС="175-504-030 41"/></СвФЛ></ЛицоБезДов></РосОргДовер></Доверит></СвДоверит>
      <СвУпПред ТипПред="3"><Пред><СведФизЛ СНИЛС="${o.snils}"><ФИО Фамилия="Кузнецова" Имя="Ольга" Отчество="Игоревна"/></СведФизЛ></Пред></СвУпПред>
    </Довер>
  </Документ>
</Доверенность>`;
}

test("a machine-readable power of attorney gives its number, dates, principal and representative", () => {
  const parsed = parseAttorneyXml(Buffer.from(sampleAttorneyXml()));
  assert.deepEqual(parsed, {
    ok: true,
    facts: {
      number: "4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
      issuedOn: "2026-09-01",
      validUntil: "2027-08-31",
      principalInn: "7701001238",
      principalOgrn: "1027700123450",
      representativeSnils: "18660504100",
    },
  });
});

test("dates written as ДД.ММ.ГГГГ and a windows-1251 file are understood", () => {
  const xml = sampleAttorneyXml({ issued: "01.09.2026", until: "31.08.2027" }).replace(
    "UTF-8",
    "windows-1251",
  );
  const bytes = Buffer.from(new Uint8Array([...xml].map((char) => win1251(char))));
  const parsed = parseAttorneyXml(bytes);
  assert.equal(parsed.ok, true);
  assert.equal(parsed.ok && parsed.facts.validUntil, "2027-08-31");
});

test("damaged, foreign or dangerous files are refused with a reason", () => {
  const cases: [string, RegExp][] = [
    [sampleAttorneyXml().replace("</Документ>", ""), /не корректный XML/],
    ['<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><Доверенность/>', /DTD/],
    ['<?xml version="1.0"?><Счёт><Сумма>1</Сумма></Счёт>', /нет элемента «Доверенность»/],
    [sampleAttorneyXml().replace(/ СрокДейст="[^"]*"/, ""), /срок действия/],
  ];
  for (const [xml, message] of cases) {
    const parsed = parseAttorneyXml(Buffer.from(xml));
    assert.equal(parsed.ok, false);
    assert.match(parsed.ok ? "" : parsed.problem, message);
  }
});

function win1251(char: string): number {
  const code = char.charCodeAt(0);
  if (code < 128) return code;
  if (char === "ё") return 0xb8;
  if (char === "Ё") return 0xa8;
  return code - 0x410 + 0xc0;
}
