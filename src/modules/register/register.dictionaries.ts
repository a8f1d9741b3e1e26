// The dictionaries the register's records refer to (НСИ subsets committed as JSON). Records keep
// ФРМР's `…Id` + `…Name` pairs; these give the name for a code when the cabinet writes a record.
import accreditationKinds from "./dictionaries/accreditation-kinds.json" with { type: "json" };
import educationKinds from "./dictionaries/education-kinds.json" with { type: "json" };
import identityDocuments from "./dictionaries/identity-documents.json" with { type: "json" };
import positionTypes from "./dictionaries/position-types.json" with { type: "json" };
import positions from "./dictionaries/positions.json" with { type: "json" };
import qualificationCategories from "./dictionaries/qualification-categories.json" with { type: "json" };
import specialties from "./dictionaries/specialties.json" with { type: "json" };

export interface DictionaryEntry {
  code: string;
  name: string;
  /** The code was not checked against НСИ: a placeholder until the dictionary is imported from НСИ. */
  unverifiedCode?: boolean;
  /** The key of the entry's group in the dictionary's `groups` (level of education, kind of staff). */
  group?: string;
}

export interface Dictionary {
  /** НСИ OID, or null for the cabinet's own lists. */
  oid: string | null;
  name: string;
  note: string;
  /** Group key → the heading a list shows above the group's entries. */
  groups?: Readonly<Record<string, string>>;
  entries: readonly DictionaryEntry[];
}

export const dictionaries = {
  specialties,
  positions,
  identityDocuments,
  educationKinds,
  accreditationKinds,
  positionTypes,
  qualificationCategories,
} satisfies Record<string, Dictionary>;

export type DictionaryName = keyof typeof dictionaries;

/** Passport of a citizen of the Russian Federation in НСИ 1.2.643.5.1.13.13.99.2.48. */
export const RF_PASSPORT_CODE = "1";

/** The `{…Id, …Name}` pair for a code; throws on an unknown code, which is a bug in the caller. */
export function codeAndName(dictionary: DictionaryName, code: string): { code: string; name: string } {
  const entry = (dictionaries[dictionary] as Dictionary).entries.find((candidate) => candidate.code === code);
  if (!entry) throw new Error(`unknown code ${code} in dictionary ${dictionary}`);
  return { code: entry.code, name: entry.name };
}
