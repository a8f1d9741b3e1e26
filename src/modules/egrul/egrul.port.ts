// The ЕГРЮЛ/ЕГРИП lookup port (O4): what the tax service's registers say about an organization or an
// individual entrepreneur. The stand-in adapter serves development and tests; a production adapter
// (ФНС API through СМЭВ, or a licensed reseller) implements the same contract.

export type EgrulSubjectKind = "legal" | "entrepreneur";

/** One subject as the register describes it. Dates are ISO `YYYY-MM-DD`. */
export interface EgrulRecord {
  kind: EgrulSubjectKind;
  fullName: string;
  shortName: string;
  inn: string;
  /** Legal entities only; an entrepreneur has none. */
  kpp: string | null;
  /** ОГРН (13 digits) for a legal entity, ОГРНИП (15 digits) for an entrepreneur. */
  ogrn: string;
  registeredOn: string;
  status: "active" | "liquidated";
  liquidatedOn: string | null;
  legalAddress: string;
  /** The head (ЕИО) of a legal entity, or the entrepreneur himself. */
  headName: string;
  headPosition: string | null;
}

export type EgrulLookupResult =
  | { found: true; record: EgrulRecord }
  | { found: false }
  | { unavailable: true };

export interface EgrulRegistry {
  /** By ОГРН or ОГРНИП. `unavailable` when the register cannot be reached: callers keep what they have. */
  findByOgrn(ogrn: string): Promise<EgrulLookupResult>;
}

/** Which register holds the subject, for messages: ЕГРЮЛ for legal entities, ЕГРИП for entrepreneurs. */
export function registerName(ogrn: string): "ЕГРЮЛ" | "ЕГРИП" {
  return ogrn.length === 15 ? "ЕГРИП" : "ЕГРЮЛ";
}
