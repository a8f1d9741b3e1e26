// Hot queries as prepared statements (issue 9): Drizzle builds the SQL once per database handle
// instead of on every request, and PostgreSQL parses and plans a named statement once per
// connection. Values go in through `sql.placeholder`. On PGlite the same code runs unnamed.
import type { DbExecutor } from "./client.ts";

/**
 * `build` once per database (or transaction) object, then the same prepared query each call.
 * The name must be unique in the process: PostgreSQL keeps one statement of that name per connection.
 */
export function prepared<Db extends object = DbExecutor, Query = unknown>(
  build: (db: Db) => Query,
): (db: Db) => Query {
  const built = new WeakMap<Db, Query>();
  return (db) => {
    let query = built.get(db);
    if (!query) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
