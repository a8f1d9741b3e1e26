// Maps ESIA REST JSON (domain/esia.md §11.3–§11.7) to the port's types. ESIA filters fields by the
// granted scopes, so everything but the name is optional, and unknown element types are skipped
// rather than failing the login.
import { normalizeSnils } from "../shared/identifiers.ts";
import type { EsiaAddress, EsiaContact, EsiaDocument, EsiaOrgRole, EsiaPerson } from "./identity-provider.ts";

type Json = Record<string, unknown>;

export type PersonMapping = { ok: true; value: EsiaPerson } | { ok: false; reason: string };

const CONTACT_TYPES: Record<string, EsiaContact["type"]> = {
  EML: "email",
  CEM: "email", // corporate e-mail; the cabinet treats it like any other address
  MBT: "mobile",
  PHN: "phone",
};

const ADDRESS_TYPES: Record<string, EsiaAddress["type"]> = {
  PRG: "registration",
  PLV: "residence",
};

/** `oid` comes from the verified token, never from the REST body. */
export function mapEsiaPerson(oid: string, body: unknown): PersonMapping {
  if (!isObject(body)) return { ok: false, reason: "person response is not an object" };
  const lastName = text(body.lastName);
  const firstName = text(body.firstName);
  // Without a name the cabinet cannot identify the worker; ESIA omits it when `fullname` was not granted.
  if (lastName === undefined || firstName === undefined) {
    return { ok: false, reason: "person response has no name (scope fullname not granted?)" };
  }
  const snils = text(body.snils);
  const gender = body.gender === "M" || body.gender === "F" ? body.gender : undefined;
  return {
    ok: true,
    value: {
      oid,
      lastName,
      firstName,
      middleName: text(body.middleName),
      birthDate: isoDate(body.birthDate),
      gender,
      snils: snils === undefined ? undefined : normalizeSnils(snils),
      inn: text(body.inn),
      trusted: body.trusted === true,
      contacts: elements(body.contacts).flatMap(mapContact),
      documents: elements(body.documents).flatMap(mapDocument),
      addresses: elements(body.addresses).flatMap(mapAddress),
    },
  };
}

/** Elements of `/rs/prns/{oid}/roles`; entries without an organisation oid are skipped. */
export function mapEsiaRoles(body: unknown): EsiaOrgRole[] {
  return elements(body).flatMap((role): EsiaOrgRole[] => {
    const orgOid = identifier(role.oid);
    if (orgOid === undefined) return [];
    const fullName = text(role.fullName) ?? text(role.shortName) ?? "";
    return [
      {
        orgOid,
        fullName,
        shortName: text(role.shortName) ?? fullName,
        ogrn: text(role.ogrn),
        inn: text(role.inn),
        type: text(role.type) ?? "",
        chief: role.chief === true,
        admin: role.admin === true,
        // An absent flag is read as active: older samples carry no `active` field.
        active: role.active !== false,
        liquidated: role.isLiquidated === true,
      },
    ];
  });
}

function mapContact(element: Json): EsiaContact[] {
  const type = CONTACT_TYPES[String(element.type)];
  const value = text(element.value);
  if (type === undefined || value === undefined) return [];
  return [{ type, value, verified: element.vrfStu === "VERIFIED" }];
}

function mapDocument(element: Json): EsiaDocument[] {
  const type = text(element.type);
  if (type === undefined) return [];
  return [
    {
      type,
      series: text(element.series),
      number: text(element.number),
      issueDate: isoDate(element.issueDate),
      issuedBy: text(element.issuedBy),
      divisionCode: divisionCode(element.issueId),
      verified: element.vrfStu === "VERIFIED",
    },
  ];
}

function mapAddress(element: Json): EsiaAddress[] {
  const type = ADDRESS_TYPES[String(element.type)];
  if (type === undefined) return [];
  const parts = ["zipCode", "region", "city", "settlement", "street", "house", "building", "frame", "flat"]
    .map((key) => text(element[key]))
    .filter((part) => part !== undefined);
  const addressText = text(element.addressStr) ?? (parts.length > 0 ? parts.join(", ") : undefined);
  return addressText === undefined ? [] : [{ type, text: addressText }];
}

/** `dd.MM.yyyy` → `yyyy-MM-dd`; undefined for anything else, impossible dates included. */
function isoDate(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value.trim());
  if (!match) return undefined;
  const [, day, month, year] = match as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return undefined;
  return `${year}-${month}-${day}`;
}

// ESIA writes the passport division code without the dash (`770001`); documents print it as 770-001.
function divisionCode(value: unknown): string | undefined {
  const code = text(value);
  if (code === undefined) return undefined;
  return /^\d{6}$/.test(code) ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}

// Collections arrive as `{stateFacts, size, eTag, elements}`; without `embed` the elements are URLs,
// which carry no data, so only objects are kept.
function elements(collection: unknown): Json[] {
  if (!isObject(collection) || !Array.isArray(collection.elements)) return [];
  return collection.elements.filter(isObject);
}

function text(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

// ESIA oids are JSON numbers in REST bodies and tokens, strings in some samples.
export function identifier(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value === "string" && /^\d+$/.test(value)) return value;
  return undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
