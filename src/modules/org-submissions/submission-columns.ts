// Columns that an organization's submissions share (a licence entered for checking, a request to the
// register): the generated id, who entered the row and when, and the history table of its steps.
import { sql } from "drizzle-orm";
import { type AnyPgColumn, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../identity/identity.schema.ts";

export const generatedId = () => uuid("id").primaryKey().default(sql`gen_random_uuid()`);

/** Who entered the row and when, and when it last changed. */
export const createdAndUpdated = () => ({
  createdBy: uuid("created_by")
    .notNull()
    .references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

const parentColumn = (name: string, parent: () => AnyPgColumn) =>
  uuid(name).notNull().references(parent, { onDelete: "cascade" });

/**
 * Every step of a submission with what was done, by whom and when: its history. `key` is the
 * property of the parent's id (`licenceId` → column `licence_id`, index `<table>_licence_idx`).
 */
export function historyTable<Action extends string, Key extends string>(
  name: string,
  key: Key,
  parent: () => AnyPgColumn,
) {
  const subject = key.replace(/Id$/, "");
  const parentId = { [key]: parentColumn(`${subject}_id`, parent) } as Record<
    Key,
    ReturnType<typeof parentColumn>
  >;
  return pgTable(
    name,
    {
      id: generatedId(),
      ...parentId,
      action: text("action").$type<Action>().notNull(),
      actorId: uuid("actor_id")
        .notNull()
        .references(() => users.id),
      occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
      /** The ground, dates or the operator's comment of this step. */
      note: text("note"),
    },
    (table) => [index(`${name}_${subject}_idx`).on(table[key], table.occurredAt)],
  );
}
