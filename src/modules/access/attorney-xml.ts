// The machine-readable power of attorney (МЧД, ФНС format EMCHD): the automatic check reads its
// number, dates, principal and representative. Only what the check needs is read; the signature is
// verified by the operator against the ФНС register. Documents with a DTD are refused outright, so
// that no entity expansion can happen.

export interface AttorneyFacts {
  number: string;
  issuedOn: string;
  validUntil: string;
  principalInn: string | null;
  principalOgrn: string | null;
  representativeSnils: string | null;
}

export type AttorneyParse = { ok: true; facts: AttorneyFacts } | { ok: false; problem: string };

/** Decodes by the encoding the declaration names (МЧД files are often windows-1251). */
export function decodeXml(bytes: Buffer): string {
  const head = bytes.subarray(0, 200).toString("latin1");
  const declared = /encoding=["']([A-Za-z0-9_-]+)["']/.exec(head)?.[1]?.toLowerCase() ?? "utf-8";
  try {
    return new TextDecoder(declared, { fatal: true }).decode(bytes);
  } catch {
    return "";
  }
}

/** Tags open and close in order; comments, declarations and CDATA are skipped. */
function isWellFormed(xml: string): boolean {
  const stack: string[] = [];
  const body = xml
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<\?[\s\S]*?\?>/g, "")
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");
  for (const match of body.matchAll(/<(\/?)([^\s/>]+)[^>]*?(\/?)>/g)) {
    const [, closing, name = "", selfClosing] = match;
    if (selfClosing) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0 && /<[^!?]/.test(body);
}

function attribute(xml: string, element: string, name: string): string | null {
  const tag = new RegExp(`<(?:[\\w-]+:)?${element}(?=[\\s/>])[^>]*>`).exec(xml)?.[0];
  if (!tag) return null;
  return new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1]?.trim() ?? null;
}

/** The СНИЛС inside the representative's block (СвУпПред); the head's own СНИЛС may appear elsewhere. */
function representativeSnils(xml: string): string | null {
  const block = /<(?:[\w-]+:)?СвУпПред(?=[\s/>])[\s\S]*?<\/(?:[\w-]+:)?СвУпПред>/.exec(xml)?.[0];
  const snils = block && /\sСНИЛС\s*=\s*["']([^"']*)["']/.exec(block)?.[1];
  return snils ? snils.replace(/\D/g, "") : null;
}

/** `YYYY-MM-DD` or `ДД.ММ.ГГГГ` → `YYYY-MM-DD`. */
function isoDate(value: string | null): string | null {
  if (!value) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const russian = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
  return russian ? `${russian[3]}-${russian[2]}-${russian[1]}` : null;
}

export function parseAttorneyXml(bytes: Buffer): AttorneyParse {
  const xml = decodeXml(bytes);
  if (!xml)
    return {
      ok: false,
      problem: "Файл доверенности не удаётся прочитать: кодировка не соответствует заявленной.",
    };
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    return { ok: false, problem: "Файл доверенности содержит недопустимые конструкции (DTD)." };
  if (!isWellFormed(xml))
    return { ok: false, problem: "Файл доверенности повреждён: это не корректный XML." };
  if (!/<(?:[\w-]+:)?Доверенность(?=[\s/>])/.test(xml)) {
    return {
      ok: false,
      problem: "Файл не является машиночитаемой доверенностью: нет элемента «Доверенность».",
    };
  }
  const number = attribute(xml, "СвДов", "НомДовер");
  const issuedOn = isoDate(attribute(xml, "СвДов", "ДатаВыдДовер"));
  const validUntil = isoDate(attribute(xml, "СвДов", "СрокДейст"));
  if (!number || !issuedOn || !validUntil) {
    return {
      ok: false,
      problem: "В доверенности не указаны номер, дата выдачи или срок действия (элемент «СвДов»).",
    };
  }
  return {
    ok: true,
    facts: {
      number,
      issuedOn,
      validUntil,
      principalInn: attribute(xml, "СвРосОрг", "ИННЮЛ") ?? attribute(xml, "СведИП", "ИННФЛ"),
      principalOgrn: attribute(xml, "СвРосОрг", "ОГРН") ?? attribute(xml, "СведИП", "ОГРНИП"),
      representativeSnils: representativeSnils(xml),
    },
  };
}
