// Every environment variable the product reads, with its default and meaning. The list is data
// (settings.json): the configuration reads its defaults, `npm run cli -- docs` writes it into the
// README, and a test checks the README against it.
import table from "./settings.json" with { type: "json" };

export interface Setting {
  fallback: string;
  description: string;
}

export const settings: Record<keyof typeof table, Setting> = table;
