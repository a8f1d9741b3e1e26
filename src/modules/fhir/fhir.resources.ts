// The register as FHIR R4 resources: Practitioner (a person), PractitionerRole (an employment
// card), Organization (by its ФРМО OID, which is also its FHIR id). Pure; identifiers carry the
// OIDs Russian registers use (domain/frmr.md: СНИЛС 1.2.643.100.3, ОГРН 1.2.643.100.1, …).
import { dictionaries } from "../register/register.dictionaries.ts";

export const SNILS_SYSTEM = "urn:oid:1.2.643.100.3";
const OGRN_SYSTEM = "urn:oid:1.2.643.100.1";
const OGRNIP_SYSTEM = "urn:oid:1.2.643.100.5";
const INN_LEGAL_SYSTEM = "urn:oid:1.2.643.100.4";
const INN_PERSON_SYSTEM = "urn:oid:1.2.643.3.131.1.1";
export const SPECIALTY_SYSTEM = `urn:oid:${dictionaries.specialties.oid}`;
const POSITION_SYSTEM = `urn:oid:${dictionaries.positions.oid}`;

export type Resource = Record<string, unknown> & { resourceType: string; id?: string };

export interface Meta {
  version: number;
  lastUpdated: Date;
}

const meta = (m: Meta | undefined) =>
  m ? { meta: { versionId: String(m.version), lastUpdated: m.lastUpdated.toISOString() } } : {};
const period = (start: string | null | undefined, end: string | null | undefined) => {
  const value = { ...(start ? { start } : {}), ...(end ? { end } : {}) };
  return Object.keys(value).length > 0 ? { period: value } : {};
};
const specialtyConcept = (code: string, name: string | null) => ({
  coding: [{ system: SPECIALTY_SYSTEM, code, ...(name ? { display: name } : {}) }],
  ...(name ? { text: name } : {}),
});

export interface PersonData {
  id: string;
  snils: string | null;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  gender: "M" | "F" | null;
  birthDate: string | null;
}

export interface Qualification {
  kind: string;
  specId: string | null;
  specName: string | null;
  start: string | null;
  end: string | null;
  issuer: string | null;
}

export function practitioner(
  person: PersonData,
  options: { meta?: Meta; qualifications?: Qualification[]; full: boolean },
): Resource {
  const given = [person.firstName, ...(person.patronymic ? [person.patronymic] : [])];
  const qualification = (options.qualifications ?? [])
    .filter((entry) => entry.specId)
    .map((entry) => ({
      code: specialtyConcept(entry.specId ?? "", entry.specName),
      ...period(entry.start, entry.end),
      ...(entry.issuer ? { issuer: { display: entry.issuer } } : {}),
    }));
  return {
    resourceType: "Practitioner",
    id: person.id,
    ...meta(options.meta),
    ...(person.snils ? { identifier: [{ use: "official", system: SNILS_SYSTEM, value: person.snils }] } : {}),
    active: true,
    name: [{ use: "official", text: [person.lastName, ...given].join(" "), family: person.lastName, given }],
    ...(options.full && person.gender ? { gender: person.gender === "F" ? "female" : "male" } : {}),
    ...(options.full && person.birthDate ? { birthDate: person.birthDate } : {}),
    ...(qualification.length > 0 ? { qualification } : {}),
  };
}

export interface CardData {
  id: string;
  personId: string;
  oid: string;
  organization: string;
  postId: string;
  postName: string;
  beginDate: string;
  endDate: string | null;
}

export function practitionerRole(
  card: CardData,
  options: { meta?: Meta; today: string; specialties: { code: string; name: string }[] },
): Resource {
  return {
    resourceType: "PractitionerRole",
    id: card.id,
    ...meta(options.meta),
    active: !card.endDate || card.endDate >= options.today,
    ...period(card.beginDate, card.endDate),
    practitioner: { reference: `Practitioner/${card.personId}` },
    organization: { reference: `Organization/${card.oid}`, display: card.organization },
    code: [
      {
        coding: [{ system: POSITION_SYSTEM, code: card.postId, display: card.postName }],
        text: card.postName,
      },
    ],
    ...(options.specialties.length > 0
      ? { specialty: options.specialties.map((entry) => specialtyConcept(entry.code, entry.name)) }
      : {}),
  };
}

export interface OrganizationData {
  frmoOid: string;
  ogrn: string;
  inn: string;
  fullName: string;
  shortName: string;
  status: "active" | "liquidated";
  legalAddress: string | null;
}

export function organization(row: OrganizationData, options: { meta?: Meta }): Resource {
  return {
    resourceType: "Organization",
    id: row.frmoOid,
    ...meta(options.meta),
    identifier: [
      { use: "official", system: "urn:ietf:rfc:3986", value: `urn:oid:${row.frmoOid}` },
      { use: "official", system: row.ogrn.length === 15 ? OGRNIP_SYSTEM : OGRN_SYSTEM, value: row.ogrn },
      {
        use: "official",
        system: row.inn.length === 12 ? INN_PERSON_SYSTEM : INN_LEGAL_SYSTEM,
        value: row.inn,
      },
    ],
    active: row.status === "active",
    name: row.fullName,
    alias: [row.shortName],
    ...(row.legalAddress ? { address: [{ use: "work", type: "postal", text: row.legalAddress }] } : {}),
  };
}

/** A version row's snapshot (the table's snake_case columns) back as the mapper's input. */
export function fromSnapshot(data: Record<string, unknown>) {
  const text = (key: string) => (typeof data[key] === "string" ? (data[key] as string) : null);
  return {
    person: (): PersonData => ({
      id: text("id") ?? "",
      snils: text("snils"),
      lastName: text("last_name") ?? "",
      firstName: text("first_name") ?? "",
      patronymic: text("patronymic"),
      gender: text("gender") as PersonData["gender"],
      birthDate: text("birth_date"),
    }),
    card: (): CardData => ({
      id: text("id") ?? "",
      personId: text("person_id") ?? "",
      oid: text("organization_oid") ?? "",
      organization: text("organization_name") ?? "",
      postId: text("post_id") ?? "",
      postName: text("post_name") ?? "",
      beginDate: text("begin_date") ?? "",
      endDate: text("end_date"),
    }),
    organization: (): OrganizationData => ({
      frmoOid: text("frmo_oid") ?? "",
      ogrn: text("ogrn") ?? "",
      inn: text("inn") ?? "",
      fullName: text("full_name") ?? "",
      shortName: text("short_name") ?? "",
      status: text("status") === "liquidated" ? "liquidated" : "active",
      legalAddress: text("legal_address"),
    }),
  };
}
