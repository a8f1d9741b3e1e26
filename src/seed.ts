// Demo data that matches the ESIA stand-in's accounts; loaded at start whenever the stand-in runs.
import type { Database } from "./db/client.ts";
import { seedDemoOrganizations } from "./modules/organizations/organizations.seed.ts";

export async function seedDemoData(db: Database): Promise<void> {
  await seedDemoOrganizations(db);
}
