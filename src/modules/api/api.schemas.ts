// TypeBox schemas of the REST API /api/v1: one source for validation, response serialisation,
// the TypeScript types and the OpenAPI document.
import { type Static, Type } from "typebox";

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const day = Type.String({ format: "date", description: "YYYY-MM-DD" });

export const Problem = Type.Object(
  {
    type: Type.String({ description: "about:blank or a URI of the problem type" }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: "The project's error code (docs/errors.md)" }),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { description: "RFC 9457 problem details (application/problem+json)" },
);

export const Employment = Type.Object({
  cardId: Type.String({ format: "uuid" }),
  organizationOid: Type.String(),
  organizationName: Type.String(),
  position: Type.Object({ code: Type.String(), name: Type.String() }),
  department: nullable(Type.String()),
  positionType: Type.Object({ code: Type.String(), name: Type.String() }),
  rate: Type.Number(),
  beginDate: day,
  endDate: nullable(day),
  current: Type.Boolean(),
});

export const AccreditationEntry = Type.Object({
  specialty: Type.Object({ code: Type.String(), name: Type.String() }),
  kind: Type.String(),
  passed: Type.Boolean(),
  passDate: nullable(day),
  validUntil: nullable(day),
  status: Type.Union([Type.Literal("valid"), Type.Literal("expired"), Type.Literal("failed")]),
});

export const CertificateEntry = Type.Object({
  number: Type.String(),
  serial: nullable(Type.String()),
  specialty: nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  issuedOn: nullable(day),
  validUntil: nullable(day),
});

export const PersonSummary = Type.Object({
  id: Type.String({ format: "uuid" }),
  snils: nullable(Type.String({ pattern: "^\\d{11}$" })),
  lastName: Type.String(),
  firstName: Type.String(),
  patronymic: nullable(Type.String()),
  birthDate: Type.Optional(nullable(day)),
  gender: Type.Optional(nullable(Type.Union([Type.Literal("M"), Type.Literal("F")]))),
});

export const PersonCard = Type.Object({
  ...PersonSummary.properties,
  version: Type.Integer({ description: "Version of the person's record" }),
  specialties: Type.Optional(Type.Array(Type.Object({ code: Type.String(), name: Type.String() }))),
  certificates: Type.Optional(Type.Array(CertificateEntry)),
  accreditations: Type.Array(AccreditationEntry),
  employment: Type.Array(Employment),
});

export const StaffMember = Type.Object({ ...PersonSummary.properties, cards: Type.Array(Employment) });

export const StaffPage = Type.Object({
  items: Type.Array(StaffMember),
  next: nullable(Type.String({ description: "Cursor of the next page; null on the last one" })),
});

export const PersonList = Type.Object({ items: Type.Array(PersonSummary) });

export const Organization = Type.Object({
  id: Type.String({ format: "uuid" }),
  frmoOid: Type.String(),
  ogrn: Type.String(),
  inn: Type.String(),
  kpp: nullable(Type.String()),
  fullName: Type.String(),
  shortName: Type.String(),
  kind: Type.String(),
  status: Type.Union([Type.Literal("active"), Type.Literal("liquidated")]),
  legalAddress: nullable(Type.String()),
});
export const OrganizationList = Type.Object({ items: Type.Array(Organization) });

export const AccreditationStatus = Type.Object({
  snils: Type.String(),
  specialty: Type.Object({ code: Type.String(), name: nullable(Type.String()) }),
  status: Type.Union([
    Type.Literal("valid"),
    Type.Literal("expired"),
    Type.Literal("failed"),
    Type.Literal("none"),
  ]),
  validUntil: nullable(day),
  passDate: nullable(day),
  kind: nullable(Type.String()),
});

export const Change = Type.Object({
  cursor: Type.String(),
  resourceType: Type.Union([
    Type.Literal("person"),
    Type.Literal("card"),
    Type.Literal("accreditation"),
    Type.Literal("organization"),
  ]),
  id: Type.String({ format: "uuid" }),
  version: Type.Integer(),
  operation: Type.Union([Type.Literal("create"), Type.Literal("update"), Type.Literal("delete")]),
  personId: nullable(Type.String({ format: "uuid" })),
  organizationOid: nullable(Type.String()),
  changedAt: Type.String({ format: "date-time" }),
});
export const ChangePage = Type.Object({ items: Type.Array(Change), next: Type.String() });

/** The card as a client writes it: codes from НСИ (positions 1.2.643.5.1.13.13.11.1002). */
export const CardInput = Type.Object({
  postId: Type.String({ maxLength: 20, description: "Position code (НСИ 1.2.643.5.1.13.13.11.1002)" }),
  departmentName: Type.Optional(nullable(Type.String({ maxLength: 200 }))),
  rate: Type.Number({ minimum: 0, maximum: 10 }),
  positionTypeId: Type.Union([Type.Literal("main"), Type.Literal("part-time")]),
  beginDate: day,
  endDate: Type.Optional(nullable(day)),
});

export const NewStaffCard = Type.Object({
  ...CardInput.properties,
  snils: Type.String({ pattern: "^\\d{3}-?\\d{3}-?\\d{3}[ -]?\\d{2}$" }),
  lastName: Type.Optional(Type.String({ maxLength: 60 })),
  firstName: Type.Optional(Type.String({ maxLength: 60 })),
  patronymic: Type.Optional(Type.String({ maxLength: 60 })),
  birthDate: Type.Optional(day),
  gender: Type.Optional(Type.Union([Type.Literal("M"), Type.Literal("F")])),
});

export const CloseCard = Type.Object({ endDate: day });

export type EmploymentView = Static<typeof Employment>;
export type PersonCardView = Static<typeof PersonCard>;
export type PersonSummaryView = Static<typeof PersonSummary>;
export type OrganizationView = Static<typeof Organization>;
export type ChangeView = Static<typeof Change>;
