// Data model of the stand-in's people and organisations, shaped after the ESIA REST resources
// (domain/esia.md §11) so that the REST layer only filters and wraps.

/** ESIA account levels (§14); only `confirmed` accounts are trusted. */
export type AccountLevel = "simplified" | "standard" | "confirmed";

export type ContactType = "MBT" | "PHN" | "EML" | "CEM";

export interface StandinContact {
  id: number;
  type: ContactType;
  /** Phones as `+7XXXXXXXXXX`; REST shows them in ESIA's `+7(900)1000001` form. */
  value: string;
  verified: boolean;
}

export type DocumentType = "RF_PASSPORT" | "MDCL_PLCY" | "FRGN_PASS" | "RF_DRIVING_LICENSE" | "MLTR_ID";

export interface StandinDocument {
  id: number;
  type: DocumentType;
  series?: string;
  number: string;
  /** `dd.MM.yyyy` */
  issueDate: string;
  /** Division code without the dash, as in ESIA fixtures (§11.5). */
  issueId?: string;
  issuedBy: string;
  verified: boolean;
}

export interface StandinAddress {
  id: number;
  /** PRG: registration, PLV: actual residence. */
  type: "PRG" | "PLV";
  addressStr: string;
  zipCode: string;
  region: string;
  city: string;
  street: string;
  house: string;
  flat?: string;
}

export interface StandinRole {
  orgOid: number;
  chief: boolean;
  admin: boolean;
  active: boolean;
  hasRightOfSubstitution: boolean;
}

export interface StandinPerson {
  oid: number;
  level: AccountLevel;
  lastName: string;
  firstName: string;
  middleName?: string;
  /** `dd.MM.yyyy` */
  birthDate?: string;
  birthPlace?: string;
  gender?: "M" | "F";
  citizenship?: string;
  /** 11 digits */
  snils?: string;
  inn?: string;
  /** Login phone, `+7XXXXXXXXXX`; also a mobile contact. */
  phone?: string;
  email?: string;
  contacts: StandinContact[];
  documents: StandinDocument[];
  addresses: StandinAddress[];
  roles: StandinRole[];
  /** Who this test person is, for the stand-in's own pages; ESIA knows nothing about professions. */
  description: string;
  updatedOn: number;
}

export interface StandinOrganization {
  oid: number;
  type: "LEGAL" | "BUSINESS" | "AGENCY";
  fullName: string;
  shortName: string;
  ogrn: string;
  inn: string;
  kpp?: string;
  /** ОКОПФ code */
  leg: string;
  isLiquidated: boolean;
  email?: string;
  /** Why this organisation is in the seed, for the stand-in's own pages. */
  description: string;
}

export function fullNameOf(p: Pick<StandinPerson, "lastName" | "firstName" | "middleName">): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(" ");
}
