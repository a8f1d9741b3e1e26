ALTER TABLE "application_requested_documents" ADD COLUMN "slot_id" text;--> statement-breakpoint
ALTER TABLE "application_requested_documents" ADD COLUMN "comment" text;