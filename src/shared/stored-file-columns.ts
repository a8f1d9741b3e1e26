// The columns of a table of uploaded files: what the person's file was called, what it is by its
// content, its size and hash, and where its bytes are in the file storage (unique: one row a file).
import { integer, text } from "drizzle-orm/pg-core";

export const storedFileColumns = () => ({
  /** The name the person gave, sanitised; metadata only, never used as a path. */
  originalName: text("original_name").notNull(),
  /** Decided from the content: application/pdf, image/jpeg or image/png. */
  mediaType: text("media_type").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  /** Hex SHA-256 of the stored bytes, computed while streaming. */
  sha256: text("sha256").notNull(),
  storageKey: text("storage_key").notNull().unique(),
});
