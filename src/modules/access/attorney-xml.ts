// The machine-readable power of attorney (МЧД, ФНС format EMCHD): the automatic check reads its
// number, dates, principal and representative. Only what the check needs is read; the signature is
// verified by the operator against the ФНС register.
//
// The file comes from any head of any organization, and the cabinet, the stand-in and the job
// worker share one event loop, so the reader must be linear in the input: a streaming XML parser
// (saxes, a character-by-character state machine, no backtracking) with a size and a depth cap.
// Documents with a DTD are refused outright, so that no entity expansion can happen.
import { SaxesParser, type SaxesTagPlain } from "saxes";

export interface AttorneyFacts {
  number: string;
  issuedOn: string;
  validUntil: string;
  principalInn: string | null;
  principalOgrn: string | null;
  representativeSnils: string | null;
}

export type AttorneyParse = { ok: true; facts: AttorneyFacts } | { ok: false; problem: string };

/** Real МЧД files are a few kilobytes (the signature is a separate file); 128 KB leaves room to spare. */
export const MAX_ATTORNEY_XML_BYTES = 128 * 1024;
/** EMCHD nests about ten levels; anything much deeper is not a power of attorney. */
const MAX_DEPTH = 64;

const problems = {
  tooLarge: "Файл доверенности слишком большой: машиночитаемая доверенность занимает не больше 128 КБ.",
  encoding: "Файл доверенности не удаётся прочитать: кодировка не соответствует заявленной.",
  dtd: "Файл доверенности содержит недопустимые конструкции (DTD).",
  malformed: "Файл доверенности повреждён: это не корректный XML.",
  notAttorney: "Файл не является машиночитаемой доверенностью: нет элемента «Доверенность».",
  noDates: "В доверенности не указаны номер, дата выдачи или срок действия (элемент «СвДов»).",
} as const;

/** Decodes by the encoding the declaration names (МЧД files are often windows-1251). */
export function decodeXml(bytes: Buffer): string {
  const head = bytes.subarray(0, 200).toString("latin1");
  const declared = /encoding=["']([A-Za-z0-9_-]{1,40})["']/.exec(head)?.[1]?.toLowerCase() ?? "utf-8";
  try {
    return new TextDecoder(declared, { fatal: true }).decode(bytes);
  } catch {
    return "";
  }
}

class Refusal extends Error {
  constructor(readonly problem: string) {
    super(problem);
  }
}

/** Element name without its namespace prefix. */
const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

/** The first occurrence of each element the check needs, with its attributes. */
interface Collected {
  elements: Map<string, Record<string, string>>;
  /** The first СНИЛС inside the representative's block (СвУпПред); the head's own may appear elsewhere. */
  representativeSnils: string | null;
}

function collect(xml: string): Collected {
  const parser = new SaxesParser({ xmlns: false });
  const collected: Collected = { elements: new Map(), representativeSnils: null };
  let depth = 0;
  let representativeDepth = 0;
  let failure: Refusal | undefined;
  parser.on("doctype", () => {
    throw new Refusal(problems.dtd);
  });
  parser.on("error", (error) => {
    failure ??= new Refusal(problems.malformed);
    throw error;
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    depth += 1;
    if (depth > MAX_DEPTH) throw new Refusal(problems.malformed);
    const name = localName(tag.name);
    if (!collected.elements.has(name)) collected.elements.set(name, tag.attributes);
    if (name === "СвУпПред" && representativeDepth === 0) representativeDepth = depth;
    const snils = tag.attributes.СНИЛС;
    if (representativeDepth > 0 && snils && collected.representativeSnils === null)
      collected.representativeSnils = snils.replace(/\D/g, "") || null;
    if (tag.isSelfClosing) closeTag();
  });
  const closeTag = () => {
    if (depth === representativeDepth) representativeDepth = -1; // only the first block counts
    depth -= 1;
  };
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) closeTag();
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw failure ?? new Refusal(problems.malformed);
  }
  return collected;
}

/** `YYYY-MM-DD` or `ДД.ММ.ГГГГ` → `YYYY-MM-DD`. */
function isoDate(value: string | undefined): string | null {
  if (!value) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const russian = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value.trim());
  return russian ? `${russian[3]}-${russian[2]}-${russian[1]}` : null;
}

export function parseAttorneyXml(bytes: Buffer): AttorneyParse {
  if (bytes.length > MAX_ATTORNEY_XML_BYTES) return { ok: false, problem: problems.tooLarge };
  const xml = decodeXml(bytes);
  if (!xml) return { ok: false, problem: problems.encoding };
  let found: Collected;
  try {
    found = collect(xml);
  } catch (error) {
    return { ok: false, problem: error instanceof Refusal ? error.problem : problems.malformed };
  }
  const read = (element: string, name: string): string | null =>
    found.elements.get(element)?.[name]?.trim() || null;
  if (!found.elements.has("Доверенность")) return { ok: false, problem: problems.notAttorney };
  const number = read("СвДов", "НомДовер");
  const issuedOn = isoDate(read("СвДов", "ДатаВыдДовер") ?? undefined);
  const validUntil = isoDate(read("СвДов", "СрокДейст") ?? undefined);
  if (!number || !issuedOn || !validUntil) return { ok: false, problem: problems.noDates };
  return {
    ok: true,
    facts: {
      number,
      issuedOn,
      validUntil,
      principalInn: read("СвРосОрг", "ИННЮЛ") ?? read("СведИП", "ИННФЛ"),
      principalOgrn: read("СвРосОрг", "ОГРН") ?? read("СведИП", "ОГРНИП"),
      representativeSnils: found.representativeSnils,
    },
  };
}
