// Small files for upload tests: a PDF the content check accepts, and a machine-readable power of
// attorney (ФНС format EMCHD) with the facts a test chooses.

export function minimalPdf(text = "test"): Buffer {
  const body = `%PDF-1.4\n1 0 obj << /Title (${text}) >> endobj\ntrailer << /Root 1 0 R >>\n`;
  return Buffer.from(`${body}startxref\n9\n%%EOF\n`, "latin1");
}

export function attorneyXml(facts: {
  number?: string;
  issued: string;
  until: string;
  inn: string;
  snils: string;
}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Доверенность xmlns="urn://x-artefacts/EMCHD_1" ВерсФорм="EMCHD_1">
  <Документ>
    <Довер>
      <СвДов ВидДовер="1" НомДовер="${facts.number ?? "4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"}" ДатаВыдДовер="${facts.issued}" СрокДейст="${facts.until}"/>
      <СвДоверит ТипДоверит="1"><Доверит><РосОргДовер><СвРосОрг НаимОрг="Организация" ИННЮЛ="${facts.inn}"/></РосОргДовер></Доверит></СвДоверит>
      <СвУпПред ТипПред="3"><Пред><СведФизЛ СНИЛС="${facts.snils}"/></Пред></СвУпПред>
    </Довер>
  </Документ>
</Доверенность>`;
}
