// The stand-in ЕГРЮЛ/ЕГРИП: synthetic records in memory. Tests change them (a new head, a
// liquidation) to see the daily synchronisation carry the change into the cabinet.
import type { EgrulLookupResult, EgrulRecord, EgrulRegistry } from "./egrul.port.ts";
import { standinEgrulRecords } from "./egrul.standin-data.ts";

export interface StandinEgrul extends EgrulRegistry {
  /** Adds or replaces the record with the same ОГРН. */
  put(record: EgrulRecord): void;
  /** Makes every lookup answer «unavailable», as when the register is down. */
  setAvailable(available: boolean): void;
}

export function createStandinEgrul(records: readonly EgrulRecord[] = standinEgrulRecords): StandinEgrul {
  const byOgrn = new Map(records.map((record) => [record.ogrn, { ...record }]));
  let available = true;
  return {
    async findByOgrn(ogrn): Promise<EgrulLookupResult> {
      if (!available) return { unavailable: true };
      const record = byOgrn.get(ogrn.trim());
      return record ? { found: true, record: { ...record } } : { found: false };
    },
    put(record) {
      byOgrn.set(record.ogrn, { ...record });
    },
    setAvailable(value) {
      available = value;
    },
  };
}
