CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"details" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"posted_by" uuid NOT NULL,
	"posted_at" timestamp with time zone NOT NULL,
	"ended_by" uuid
);
--> statement-breakpoint
ALTER TABLE "application_requested_documents" ADD COLUMN "slot_id" text;--> statement-breakpoint
ALTER TABLE "application_requested_documents" ADD COLUMN "comment" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_posted_by_users_id_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incidents_ends_at_idx" ON "incidents" USING btree ("ends_at");