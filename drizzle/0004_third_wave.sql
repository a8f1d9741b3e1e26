CREATE TABLE "storage_checks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"files_without_row" integer NOT NULL,
	"rows_without_file" integer NOT NULL,
	"staging_removed" integer NOT NULL,
	"staging_in_flight" integer NOT NULL,
	"sample" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "documents_storage_key_c_idx" ON "documents" USING btree ("storage_key" collate "C");--> statement-breakpoint
CREATE INDEX "organization_files_storage_key_c_idx" ON "organization_files" USING btree ("storage_key" collate "C");--> statement-breakpoint
CREATE INDEX "support_attachments_storage_key_c_idx" ON "support_attachments" USING btree ("storage_key" collate "C");