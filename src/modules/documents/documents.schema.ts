import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../identity/identity.schema.ts";
import { storageKeyOrderIndex } from "./storage-key-index.ts";

/**
 * A worker's accepted document (W7). Refused uploads leave no row and no file; they are recorded
 * in the audit log only. The file itself is in the file storage under `storage_key`.
 */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    typeCode: text("type_code").notNull(),
    /** The name the user gave, sanitised; metadata only, never used as a path. */
    originalName: text("original_name").notNull(),
    /** Decided from the content: application/pdf, image/jpeg or image/png. */
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    /** Hex SHA-256 of the stored bytes, computed while streaming. */
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull().unique(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
    /**
     * Set while the document is attached to a submitted application; such a document cannot be
     * deleted. Owned by the applications module through lockDocuments/unlockDocuments.
     */
    lockedAt: timestamp("locked_at", { withTimezone: true }),
  },
  (table) => [
    index("documents_user_uploaded_idx").on(table.userId, table.uploadedAt),
    storageKeyOrderIndex("documents_storage_key_c_idx", table.storageKey),
  ],
);
