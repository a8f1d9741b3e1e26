CREATE TABLE "organization_licence_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"licence_id" uuid NOT NULL,
	"action" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "organization_licences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"issued_by" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date,
	"places" jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"status_ground" text,
	"status_from" date,
	"status_until" date,
	"verification" text DEFAULT 'pending' NOT NULL,
	"verification_comment" text,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "failed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "failure" text;--> statement-breakpoint
ALTER TABLE "register_accreditation_procedures" ADD COLUMN "fail_reason" text;--> statement-breakpoint
ALTER TABLE "organization_licence_events" ADD CONSTRAINT "organization_licence_events_licence_id_organization_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."organization_licences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_licence_events" ADD CONSTRAINT "organization_licence_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_licences" ADD CONSTRAINT "organization_licences_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_licences" ADD CONSTRAINT "organization_licences_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_licences" ADD CONSTRAINT "organization_licences_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_licence_events_licence_idx" ON "organization_licence_events" USING btree ("licence_id","occurred_at");--> statement-breakpoint
CREATE INDEX "organization_licences_org_idx" ON "organization_licences" USING btree ("organization_id","issued_on");--> statement-breakpoint
CREATE INDEX "organization_licences_verification_idx" ON "organization_licences" USING btree ("verification","created_at");--> statement-breakpoint
CREATE INDEX "outbox_failed_idx" ON "outbox_messages" USING btree ("failed_at") WHERE "outbox_messages"."failed_at" is not null;