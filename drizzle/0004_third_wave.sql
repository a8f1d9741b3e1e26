CREATE TABLE "api_client_operators" (
	"snils" text PRIMARY KEY NOT NULL,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_used_assertions" (
	"client_id" uuid NOT NULL,
	"jti" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "api_used_assertions_client_id_jti_pk" PRIMARY KEY("client_id","jti")
);
--> statement-breakpoint
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
DROP INDEX "resource_versions_org_idx";--> statement-breakpoint
ALTER TABLE "api_clients" ADD COLUMN "last_used_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "resource_versions" ADD COLUMN "txid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "api_used_assertions" ADD CONSTRAINT "api_used_assertions_client_id_api_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."api_clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_used_assertions_expiry_idx" ON "api_used_assertions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "api_idempotency_keys_created_idx" ON "api_idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "resource_versions_feed_idx" ON "resource_versions" USING btree ("txid","seq");--> statement-breakpoint
CREATE INDEX "documents_storage_key_c_idx" ON "documents" USING btree ("storage_key" collate "C");--> statement-breakpoint
CREATE INDEX "organization_files_storage_key_c_idx" ON "organization_files" USING btree ("storage_key" collate "C");--> statement-breakpoint
CREATE INDEX "support_attachments_storage_key_c_idx" ON "support_attachments" USING btree ("storage_key" collate "C");--> statement-breakpoint
CREATE INDEX "resource_versions_org_idx" ON "resource_versions" USING btree ("organization_oid","txid","seq");