// `npm run db:migrate`: applies the committed migrations to DATABASE_URL (or the embedded PGlite).
import { join } from "node:path";
import { loadConfig } from "../src/config/config.ts";
import { openDatabase } from "../src/db/client.ts";

const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, pgliteDir: join(config.dataDir, "pg") });
await database.migrate();
await database.close();
console.log(`migrations applied (${database.kind})`);
