// The register's rows as the REST API shows them. Pure: the policy decides beforehand what a
// client may see; `insurerView` narrows a card to accreditation status and employment.
import type { OrganizationRow } from "../organizations/organizations.repository.ts";
import type { EmploymentCardRow, RegisterRecord } from "../register/record.repository.ts";
import type { PersonRow } from "../register/register.repository.ts";
import type { EmploymentView, OrganizationView, PersonCardView, PersonSummaryView } from "./api.schemas.ts";

export function employmentView(card: EmploymentCardRow, today: string): EmploymentView {
  return {
    cardId: card.id,
    organizationOid: card.oid,
    organizationName: card.organization,
    position: { code: card.postId, name: card.postName },
    department: card.nrPmuDepartName,
    positionType: { code: card.positionTypeId, name: card.positionTypeName },
    rate: Number(card.rate),
    beginDate: card.beginDate,
    endDate: card.endDate,
    current: !card.endDate || card.endDate >= today,
  };
}

export function personSummary(person: PersonRow, full: boolean): PersonSummaryView {
  const base = {
    id: person.id,
    snils: person.snils,
    lastName: person.lastName,
    firstName: person.firstName,
    patronymic: person.patronymic,
  };
  return full ? { ...base, birthDate: person.birthDate, gender: person.gender } : base;
}

/** Specialties the person has a document in: diplomas, residency, certificates, accreditation. */
export function specialtiesOf(record: RegisterRecord): { code: string; name: string }[] {
  const found = new Map<string, string>();
  const add = (code: string | null, name: string | null) => {
    if (code && name && !found.has(code)) found.set(code, name);
  };
  for (const row of [...record.profEducation, ...record.postgraduate, ...record.certificates])
    add(row.specId, row.specName);
  for (const row of record.accreditation?.procedures ?? []) if (row.passed) add(row.specId, row.spec);
  return [...found].map(([code, name]) => ({ code, name }));
}

export function personCard(
  record: RegisterRecord,
  options: { today: string; version: number; full: boolean },
): PersonCardView {
  const { today } = options;
  const accreditations = (record.accreditation?.procedures ?? []).map((row) => ({
    specialty: { code: row.specId, name: row.spec },
    kind: row.accreditationKind,
    passed: row.passed,
    passDate: row.passDate,
    validUntil: row.endDate,
    status: !row.passed
      ? ("failed" as const)
      : row.endDate && row.endDate < today
        ? ("expired" as const)
        : ("valid" as const),
  }));
  const employment = record.cards.map((card) => employmentView(card, today)).filter((card) => card.current);
  const card: PersonCardView = {
    ...personSummary(record.person, options.full),
    version: options.version,
    accreditations,
    employment,
  };
  if (!options.full) return card;
  return {
    ...card,
    specialties: specialtiesOf(record),
    certificates: record.certificates.map((row) => ({
      number: row.certNumber,
      serial: row.certSerial,
      specialty: row.specId && row.specName ? { code: row.specId, name: row.specName } : null,
      issuedOn: row.passDate,
      validUntil: row.endDate,
    })),
  };
}

export function organizationView(row: OrganizationRow): OrganizationView {
  return {
    id: row.id,
    frmoOid: row.frmoOid,
    ogrn: row.ogrn,
    inn: row.inn,
    kpp: row.kpp,
    fullName: row.fullName,
    shortName: row.shortName,
    kind: row.kind,
    status: row.status,
    legalAddress: row.legalAddress,
  };
}

/** Opaque keyset cursors: base64url of JSON, checked on the way back in. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeCursor<T>(text: string, check: (value: unknown) => value is T): T | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    return check(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
