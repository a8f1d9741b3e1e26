// Column shapes that most tables share, so that a table lists only what is its own.
import { sql } from "drizzle-orm";
import { date, timestamp, uuid } from "drizzle-orm/pg-core";

/** A random uuid primary key that the database makes. */
export const generatedId = () => uuid("id").primaryKey().default(sql`gen_random_uuid()`);

/** A moment in time, with its time zone. */
export const moment = (name: string) => timestamp(name, { withTimezone: true });

/** A calendar date, read and written as `YYYY-MM-DD`. */
export const day = (name: string) => date(name, { mode: "string" });
