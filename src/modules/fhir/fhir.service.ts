// FHIR R4 read, vread, _history and search over the register's directory (C4), with the same
// visibility as the REST API: an organization's system sees its own staff, cards and record only.
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import type { ErrorCode } from "../../shared/errors.ts";
import { type ApiCaller, confinedTo, seesPersonalFile } from "../api/api.policy.ts";
import type { VersionedResource } from "../api/api.schema.ts";
import { decodeCursor, encodeCursor } from "../api/api.views.ts";
import { historyOf, latestVersions, type VersionRow, versionOf } from "../api/versions.repository.ts";
import type { OrganizationsDirectory } from "../organizations/organizations.directory.ts";
import type { OrganizationRow } from "../organizations/organizations.repository.ts";
import type { RegisterDirectory, StaffCursor } from "../register/directory.service.ts";
import { moscowDate } from "../register/expiry.ts";
import type { EmploymentCardRow, RegisterRecord } from "../register/record.repository.ts";
import {
  fromSnapshot,
  organization,
  practitioner,
  practitionerRole,
  type Qualification,
  type Resource,
} from "./fhir.resources.ts";
import type { SearchParams } from "./fhir.search.ts";

export type FhirType = "Practitioner" | "PractitionerRole" | "Organization";
export const versioned: Record<FhirType, VersionedResource> = {
  Practitioner: "person",
  PractitionerRole: "card",
  Organization: "organization",
};

export type Found<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; diagnostics?: string };
export interface Page {
  resources: Resource[];
  included: Resource[];
  next: string | undefined;
}

const notFound = { ok: false, code: "NOT_FOUND" } as const;
const isCursor = (value: unknown): value is StaffCursor =>
  Array.isArray(value) && value.length === 3 && value.every((part) => typeof part === "string");
const isId = (value: unknown): value is string => typeof value === "string" && value.length < 100;

function qualificationsOf(record: RegisterRecord, full: boolean): Qualification[] {
  const accreditations = (record.accreditation?.procedures ?? [])
    .filter((row) => row.passed)
    .map((row) => ({
      kind: row.accreditationKind,
      specId: row.specId,
      specName: row.spec,
      start: row.passDate,
      end: row.endDate,
      issuer: row.institution,
    }));
  if (!full) return accreditations;
  const education = [...record.profEducation, ...record.postgraduate].map((row) => ({
    kind: "education",
    specId: row.specId,
    specName: row.specName,
    start: row.docDate,
    end: null,
    issuer: row.institutionName,
  }));
  const certificates = record.certificates.map((row) => ({
    kind: "certificate",
    specId: row.specId,
    specName: row.specName,
    start: row.passDate,
    end: row.endDate,
    issuer: row.institutionName,
  }));
  return [...education, ...certificates, ...accreditations];
}

export function createFhirService(deps: {
  db: Database;
  clock: Clock;
  directory: RegisterDirectory;
  organizations: OrganizationsDirectory;
}) {
  const { db, directory, organizations } = deps;
  const today = () => moscowDate(deps.clock.now());

  async function practitioners(caller: ApiCaller, records: RegisterRecord[]): Promise<Resource[]> {
    const metas = await latestVersions(
      db,
      "person",
      records.map((record) => record.person.id),
    );
    const full = seesPersonalFile(caller);
    for (const record of records) caller.personsRead.add(record.person.id);
    return records.map((record) => {
      const meta = metas.get(record.person.id);
      return practitioner(record.person, {
        ...(meta ? { meta: { version: meta.version, lastUpdated: meta.changedAt } } : {}),
        qualifications: qualificationsOf(record, full),
        full,
      });
    });
  }

  async function roles(caller: ApiCaller, cards: EmploymentCardRow[]): Promise<Resource[]> {
    const [metas, specialties] = await Promise.all([
      latestVersions(
        db,
        "card",
        cards.map((card) => card.id),
      ),
      directory.specialtiesOf([...new Set(cards.map((card) => card.personId))]),
    ]);
    for (const card of cards) caller.personsRead.add(card.personId);
    return cards.map((card) => {
      const meta = metas.get(card.id);
      return practitionerRole(card, {
        ...(meta ? { meta: { version: meta.version, lastUpdated: meta.changedAt } } : {}),
        today: today(),
        specialties: specialties.get(card.personId) ?? [],
      });
    });
  }

  async function organizationResources(rows: OrganizationRow[]): Promise<Resource[]> {
    const metas = await latestVersions(
      db,
      "organization",
      rows.map((row) => row.id),
    );
    return rows.map((row) => {
      const meta = metas.get(row.id);
      return organization(row, meta ? { meta: { version: meta.version, lastUpdated: meta.changedAt } } : {});
    });
  }

  /** The visible record behind a FHIR id: the version table's id (uuid) and the current resource. */
  async function current(
    caller: ApiCaller,
    type: FhirType,
    id: string,
  ): Promise<Found<{ key: string; resource: Resource }>> {
    const own = confinedTo(caller);
    if (type === "Organization") {
      if (own !== undefined && own !== id) return notFound;
      const row = await organizations.byFrmoOid(id);
      if (!row) return notFound;
      const [resource] = await organizationResources([row]);
      return resource ? { ok: true, value: { key: row.id, resource } } : notFound;
    }
    if (!/^[0-9a-f-]{36}$/.test(id)) return notFound;
    if (type === "PractitionerRole") {
      const card = await directory.card(id);
      if (!card || (own !== undefined && card.oid !== own)) return notFound;
      const [resource] = await roles(caller, [card]);
      return resource ? { ok: true, value: { key: id, resource } } : notFound;
    }
    const record = await directory.record(id);
    if (!record || (own !== undefined && !record.cards.some((card) => card.oid === own))) return notFound;
    const [resource] = await practitioners(caller, [record]);
    return resource ? { ok: true, value: { key: id, resource } } : notFound;
  }

  function fromVersion(caller: ApiCaller, type: FhirType, row: VersionRow): Resource {
    const snapshot = fromSnapshot(row.data);
    const meta = { meta: { version: row.version, lastUpdated: row.changedAt } };
    if (type === "Organization") return organization(snapshot.organization(), meta);
    if (type === "PractitionerRole")
      return practitionerRole(snapshot.card(), { ...meta, today: today(), specialties: [] });
    return practitioner(snapshot.person(), { ...meta, full: seesPersonalFile(caller) });
  }

  return {
    async read(caller: ApiCaller, type: FhirType, id: string): Promise<Found<Resource>> {
      const found = await current(caller, type, id);
      return found.ok ? { ok: true, value: found.value.resource } : found;
    },

    /** A past version as it was stored (the person's or card's own fields; qualifications are current-only). */
    async vread(caller: ApiCaller, type: FhirType, id: string, version: number): Promise<Found<Resource>> {
      const found = await current(caller, type, id);
      if (!found.ok) return found;
      const row = await versionOf(db, versioned[type], found.value.key, version);
      if (!row) return notFound;
      if (row.operation === "delete") return { ok: false, code: "NOT_FOUND", diagnostics: "deleted" };
      return { ok: true, value: fromVersion(caller, type, row) };
    },

    async history(caller: ApiCaller, type: FhirType, id: string, count: number) {
      const found = await current(caller, type, id);
      if (!found.ok) return found;
      const rows = await historyOf(db, versioned[type], found.value.key, count);
      return {
        ok: true as const,
        value: rows.map((row) => ({ row, resource: fromVersion(caller, type, row) })),
      };
    },

    async searchPractitioners(caller: ApiCaller, params: SearchParams): Promise<Found<Page>> {
      if (params.active === false)
        return { ok: true, value: { resources: [], included: [], next: undefined } };
      const after = params.cursor ? decodeCursor(params.cursor, isCursor) : undefined;
      const rows = await directory.findPersons({
        snils: params.snils,
        ids: params.ids,
        familyPrefix: params.family,
        namePrefix: params.name,
        organizationOid: confinedTo(caller) ?? params.organization,
        changedSince: params.lastUpdated,
        after,
        limit: params.count + 1,
      });
      if (
        params.organization &&
        confinedTo(caller) !== undefined &&
        params.organization !== confinedTo(caller)
      )
        return { ok: true, value: { resources: [], included: [], next: undefined } };
      const page = rows.slice(0, params.count);
      const records = (await Promise.all(page.map((row) => directory.record(row.id)))).filter(
        (record): record is RegisterRecord => record !== undefined,
      );
      const last = page.at(-1);
      return {
        ok: true,
        value: {
          resources: await practitioners(caller, records),
          included: [],
          next:
            rows.length > params.count && last
              ? encodeCursor([last.lastName, last.firstName, last.id])
              : undefined,
        },
      };
    },

    async searchRoles(caller: ApiCaller, params: SearchParams): Promise<Found<Page>> {
      const own = confinedTo(caller);
      if (own !== undefined && params.organization && params.organization !== own)
        return { ok: true, value: { resources: [], included: [], next: undefined } };
      const afterId = params.cursor ? decodeCursor(params.cursor, isId) : undefined;
      const cards = await directory.findCards({
        personId: params.practitioner,
        organizationOid: own ?? params.organization,
        specialty: params.specialty,
        active: params.active,
        today: today(),
        changedSince: params.lastUpdated,
        afterId,
        limit: params.count + 1,
      });
      const page = cards.slice(0, params.count);
      let included: Resource[] = [];
      if (params.includePractitioner) {
        const ids = [...new Set(page.map((card) => card.personId))];
        const records = (await Promise.all(ids.map((id) => directory.record(id)))).filter(
          (record): record is RegisterRecord => record !== undefined,
        );
        included = await practitioners(caller, records);
      }
      return {
        ok: true,
        value: {
          resources: await roles(caller, page),
          included,
          next: cards.length > params.count ? encodeCursor(page.at(-1)?.id) : undefined,
        },
      };
    },

    async searchOrganizations(caller: ApiCaller, params: SearchParams): Promise<Found<Page>> {
      const own = confinedTo(caller);
      if (own !== undefined && params.frmoOid && params.frmoOid !== own)
        return { ok: true, value: { resources: [], included: [], next: undefined } };
      const afterId = params.cursor ? decodeCursor(params.cursor, isId) : undefined;
      const rows = (
        await organizations.find({
          frmoOid: own ?? params.frmoOid,
          ogrn: params.ogrn,
          inn: params.inn,
          afterId,
          limit: params.count + 1,
        })
      ).filter((row) => params.active === undefined || (row.status === "active") === params.active);
      const page = rows.slice(0, params.count);
      return {
        ok: true,
        value: {
          resources: await organizationResources(page),
          included: [],
          next: rows.length > params.count ? encodeCursor(page.at(-1)?.id) : undefined,
        },
      };
    },
  };
}

export type FhirService = ReturnType<typeof createFhirService>;
