// Some columns of a table under their own names, for a select that joins tables: the list says which
// columns once instead of `name: table.name` for each.
import { getTableColumns, type Table } from "drizzle-orm";

export function pickColumns<T extends Table, Name extends keyof T["_"]["columns"] & string>(
  table: T,
  ...names: Name[]
): Pick<T["_"]["columns"], Name> {
  const columns = getTableColumns(table);
  return Object.fromEntries(names.map((name) => [name, columns[name]])) as Pick<T["_"]["columns"], Name>;
}
