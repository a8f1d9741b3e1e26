// FHIR search parameters (R4 §3.1.1, IHE mCSD where they apply) parsed into one filter, with a
// message for what cannot be understood. Unknown parameters are ignored, as the specification allows.
import { normalizeSnils } from "../../shared/identifiers.ts";
import { SNILS_SYSTEM, SPECIALTY_SYSTEM } from "./fhir.resources.ts";

export interface SearchParams {
  ids?: string[] | undefined;
  snils?: string | undefined;
  frmoOid?: string | undefined;
  ogrn?: string | undefined;
  inn?: string | undefined;
  name?: string | undefined;
  family?: string | undefined;
  active?: boolean | undefined;
  organization?: string | undefined;
  practitioner?: string | undefined;
  specialty?: string | undefined;
  lastUpdated?: Date | undefined;
  includePractitioner: boolean;
  count: number;
  cursor?: string | undefined;
}

export const MAX_COUNT = 100;
export const supportedParams = {
  Practitioner: ["_id", "identifier", "name", "family", "active", "organization", "_lastUpdated"],
  PractitionerRole: ["practitioner", "organization", "specialty", "active", "_lastUpdated", "_include"],
  Organization: ["identifier", "active"],
} as const;

type Query = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim();
/** `Type/id` or a bare id. */
const reference = (value: string | undefined, type: string) => value?.replace(new RegExp(`^${type}/`), "");

export function parseSearch(
  type: keyof typeof supportedParams,
  query: Query,
): { ok: true; params: SearchParams } | { ok: false; message: string } {
  const params: SearchParams = { includePractitioner: false, count: 20 };
  const count = one(query._count);
  if (count !== undefined) {
    if (!/^\d{1,4}$/.test(count) || Number(count) < 1)
      return { ok: false, message: "_count — целое число от 1 до 100." };
    params.count = Math.min(Number(count), MAX_COUNT);
  }
  params.cursor = one(query._cursor);
  const active = one(query.active);
  if (active !== undefined) {
    if (active !== "true" && active !== "false") return { ok: false, message: "active — true или false." };
    params.active = active === "true";
  }
  const lastUpdated = one(query._lastUpdated);
  if (lastUpdated !== undefined) {
    const match = /^(ge|gt)?(\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?)$/.exec(lastUpdated);
    const date = match?.[2] ? new Date(match[2]) : undefined;
    if (!date || Number.isNaN(date.getTime()))
      return { ok: false, message: "_lastUpdated — дата с префиксом ge или gt, например ge2026-01-01." };
    params.lastUpdated = date;
  }
  const identifier = one(query.identifier);
  if (identifier !== undefined) {
    const [system, value] = identifier.includes("|") ? identifier.split("|", 2) : [undefined, identifier];
    if (!value) return { ok: false, message: "identifier — система|значение или значение." };
    if (type === "Practitioner") {
      if (system && system !== SNILS_SYSTEM)
        return { ok: false, message: `Поиск по identifier — только СНИЛС (${SNILS_SYSTEM}).` };
      params.snils = normalizeSnils(value) ?? "invalid";
    } else if (system === "urn:oid:1.2.643.100.1" || system === "urn:oid:1.2.643.100.5") params.ogrn = value;
    else if (system === "urn:oid:1.2.643.100.4" || system === "urn:oid:1.2.643.3.131.1.1") params.inn = value;
    else if (system === "urn:ietf:rfc:3986" || !system) {
      const oid = value.replace(/^urn:oid:/, "");
      if (/^\d+(\.\d+)+$/.test(oid)) params.frmoOid = oid;
      else if (/^(\d{13}|\d{15})$/.test(value)) params.ogrn = value;
      else if (/^(\d{10}|\d{12})$/.test(value)) params.inn = value;
      else return { ok: false, message: "identifier организации — OID ФРМО, ОГРН или ИНН." };
    } else return { ok: false, message: "Неизвестная система идентификаторов организации." };
  }
  const id = one(query._id);
  if (id !== undefined) params.ids = id.split(",").filter((part) => /^[0-9a-f-]{36}$/.test(part));
  params.name = one(query.name) || undefined;
  params.family = one(query.family) || undefined;
  params.organization = reference(one(query.organization), "Organization") || undefined;
  params.practitioner = reference(one(query.practitioner), "Practitioner") || undefined;
  if (params.practitioner && !/^[0-9a-f-]{36}$/.test(params.practitioner))
    return { ok: false, message: "practitioner — ссылка Practitioner/<id>." };
  const specialty = one(query.specialty);
  if (specialty !== undefined) {
    const [system, code] = specialty.includes("|") ? specialty.split("|", 2) : [undefined, specialty];
    if (system && system !== SPECIALTY_SYSTEM)
      return { ok: false, message: `specialty — код справочника ${SPECIALTY_SYSTEM}.` };
    params.specialty = code;
  }
  const include = [query._include].flat().filter(Boolean);
  for (const value of include) {
    if (value !== "PractitionerRole:practitioner")
      return { ok: false, message: "_include — только PractitionerRole:practitioner." };
    params.includePractitioner = true;
  }
  return { ok: true, params };
}
