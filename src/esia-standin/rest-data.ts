// JSON of the REST resources (§11), filtered by the scopes granted. Pure functions of the data.
import { createHash } from "node:crypto";
import { EMBED_SCOPES as protocolEmbedScopes } from "../esia/protocol.ts";
import type {
  DocumentType,
  StandinAddress,
  StandinContact,
  StandinDocument,
  StandinOrganization,
  StandinPerson,
  StandinRole,
} from "./model.ts";

type Json = Record<string, unknown>;

/** 40 upper-case hex characters, as ESIA's eTags look; derived from the content so it changes with it. */
export function withETag<T extends Json>(value: T): T & { eTag: string } {
  const eTag = createHash("sha1").update(JSON.stringify(value)).digest("hex").toUpperCase();
  return { ...value, eTag };
}

export function collection(elements: unknown[]): Json {
  return withETag({ stateFacts: ["hasSize"], size: elements.length, elements });
}

/** Scopes that unlock each embed of the person (ekapusta's mapping, §11.1), looked up by embed name. */
export const EMBED_SCOPES: Record<string, readonly string[]> = protocolEmbedScopes;

const DOCUMENT_SCOPE: Record<DocumentType, string> = {
  RF_PASSPORT: "id_doc",
  MDCL_PLCY: "medical_doc",
  FRGN_PASS: "foreign_passport_doc",
  RF_DRIVING_LICENSE: "drivers_licence_doc",
  MLTR_ID: "military_doc",
};

const PERSON_FIELDS: [scope: string, field: keyof StandinPerson, as: string][] = [
  ["fullname", "lastName", "lastName"],
  ["fullname", "firstName", "firstName"],
  ["fullname", "middleName", "middleName"],
  ["birthdate", "birthDate", "birthDate"],
  ["gender", "gender", "gender"],
  ["snils", "snils", "snils"],
  ["inn", "inn", "inn"],
  ["birthplace", "birthPlace", "birthPlace"],
  ["citizenship", "citizenship", "citizenship"],
];

export function personJson(person: StandinPerson, scopes: ReadonlySet<string>): Json {
  const body: Json = { stateFacts: ["EntityRoot"] };
  for (const [scope, field, as] of PERSON_FIELDS) {
    const value = person[field];
    if (scopes.has(scope) && value !== undefined)
      body[as] = as === "snils" ? formatSnilsEsia(value as string) : value;
  }
  const passport = person.documents.find((d) => d.type === "RF_PASSPORT");
  if (scopes.has("id_doc") && passport) body.rIdDoc = passport.id;
  Object.assign(body, {
    trusted: person.level === "confirmed",
    status: "REGISTERED",
    verifying: false,
    containsUpCfmCode: false,
    updatedOn: person.updatedOn,
  });
  return withETag(body);
}

// ESIA writes СНИЛС as `123-456-789 01` (§11.3).
function formatSnilsEsia(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${digits.slice(9)}`;
}

export function visibleContacts(person: StandinPerson, scopes: ReadonlySet<string>): StandinContact[] {
  if (scopes.has("contacts")) return person.contacts;
  return person.contacts.filter(
    (c) =>
      (scopes.has("email") && (c.type === "EML" || c.type === "CEM")) ||
      (scopes.has("mobile") && c.type === "MBT"),
  );
}

export function contactJson(c: StandinContact): Json {
  const value =
    c.type === "MBT" || c.type === "PHN" ? `+7(${c.value.slice(2, 5)})${c.value.slice(5)}` : c.value;
  return withETag({
    stateFacts: ["Identifiable"],
    id: c.id,
    type: c.type,
    vrfStu: c.verified ? "VERIFIED" : "NOT_VERIFIED",
    value,
  });
}

export function visibleDocuments(person: StandinPerson, scopes: ReadonlySet<string>): StandinDocument[] {
  return person.documents.filter((d) => scopes.has(DOCUMENT_SCOPE[d.type]));
}

export function documentJson(d: StandinDocument): Json {
  const { id, type, verified, ...fields } = d;
  return withETag({
    stateFacts: ["EntityRoot"],
    id,
    type,
    vrfStu: verified ? "VERIFIED" : "NOT_VERIFIED",
    ...fields,
  });
}

export function addressJson(a: StandinAddress): Json {
  const { id, type, ...fields } = a;
  return withETag({ stateFacts: ["Identifiable"], id, type, countryId: "RUS", ...fields });
}

/** An element of `/roles` (§11.7): the organisation inline, with the person's role in it. */
export function roleJson(oid: number, role: StandinRole, org: StandinOrganization): Json {
  return {
    oid: org.oid,
    prnOid: oid,
    fullName: org.fullName,
    shortName: org.shortName,
    ogrn: org.ogrn,
    type: org.type,
    chief: role.chief,
    admin: role.admin,
    ...(org.email === undefined ? {} : { email: org.email }),
    active: role.active,
    hasRightOfSubstitution: role.hasRightOfSubstitution,
    hasApprovalTabAccess: false,
    isLiquidated: org.isLiquidated,
  };
}

const ORG_FIELDS: [scope: string, field: keyof StandinOrganization][] = [
  ["org_shortname", "shortName"],
  ["org_fullname", "fullName"],
  ["org_type", "type"],
  ["org_ogrn", "ogrn"],
  ["org_inn", "inn"],
  ["org_kpp", "kpp"],
  ["org_leg", "leg"],
];

/** `/rs/orgs/{oid}`: the real sample only had the fields its scopes asked for (§11.8); org_inf gives all. */
export function organizationJson(org: StandinOrganization, scopes: ReadonlySet<string>): Json {
  const body: Json = { stateFacts: ["Identifiable"], oid: org.oid };
  for (const [scope, field] of ORG_FIELDS) {
    if ((scopes.has(scope) || scopes.has("org_inf")) && org[field] !== undefined) body[field] = org[field];
  }
  body.isLiquidated = org.isLiquidated;
  return withETag(body);
}

/** `embed=(contacts.elements,documents.elements)` → ["contacts.elements", "documents.elements"]. */
export function parseEmbed(value: string): string[] {
  const match = /^\((.*)\)$/.exec(value.trim());
  return match
    ? (match[1] as string)
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean)
    : [];
}
