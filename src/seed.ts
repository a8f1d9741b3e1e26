// Demo data that matches the ESIA stand-in's accounts; loaded at start whenever the stand-in runs.
import type { Database } from "./db/client.ts";
import { seedDemoApiClientOperators } from "./modules/api/api.seed.ts";
import { seedDemoOrganizations } from "./modules/organizations/organizations.seed.ts";
import { seedDemoRegister } from "./modules/register/register.seed.ts";
import { seedDemoOperators } from "./modules/review/review.seed.ts";
import { seedDemoSupportOperators } from "./modules/support/support.seed.ts";

export async function seedDemoData(db: Database, now: Date = new Date()): Promise<void> {
  await seedDemoOrganizations(db);
  // Personal files of the stand-in's medical workers, dated from today (Иванова's accreditation runs out soon).
  await seedDemoRegister(db, now);
  // Орлов works in the accreditation commission's back office (/review).
  await seedDemoOperators(db, now);
  // He is also the demo support operator (/support-desk).
  await seedDemoSupportOperators(db, now);
  // …and registers the systems that work through the integration API (/support-desk/api-clients).
  await seedDemoApiClientOperators(db, now);
}
