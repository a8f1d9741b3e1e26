CREATE TABLE "api_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"organization_oid" text,
	"scopes" jsonb NOT NULL,
	"secret_hash" text,
	"public_jwk" jsonb,
	"suspended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_clients_client_id_unique" UNIQUE("client_id")
);
--> statement-breakpoint
CREATE TABLE "api_idempotency_keys" (
	"client_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_idempotency_keys_client_id_key_pk" PRIMARY KEY("client_id","key")
);
--> statement-breakpoint
CREATE TABLE "resource_versions" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"resource_type" text NOT NULL,
	"resource_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"operation" text NOT NULL,
	"person_id" uuid,
	"organization_oid" text,
	"data" jsonb NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE "api_idempotency_keys" ADD CONSTRAINT "api_idempotency_keys_client_id_api_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."api_clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_licence_events" ADD CONSTRAINT "organization_licence_events_licence_id_organization_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."organization_licences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_licence_events" ADD CONSTRAINT "organization_licence_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_licences" ADD CONSTRAINT "organization_licences_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_licences" ADD CONSTRAINT "organization_licences_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_licences" ADD CONSTRAINT "organization_licences_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "resource_versions_resource_idx" ON "resource_versions" USING btree ("resource_type","resource_id","version");--> statement-breakpoint
CREATE INDEX "resource_versions_person_idx" ON "resource_versions" USING btree ("person_id","changed_at");--> statement-breakpoint
CREATE INDEX "resource_versions_org_idx" ON "resource_versions" USING btree ("organization_oid","seq");--> statement-breakpoint
CREATE INDEX "resource_versions_time_idx" ON "resource_versions" USING btree ("changed_at");--> statement-breakpoint
CREATE INDEX "organization_licence_events_licence_idx" ON "organization_licence_events" USING btree ("licence_id","occurred_at");--> statement-breakpoint
CREATE INDEX "organization_licences_org_idx" ON "organization_licences" USING btree ("organization_id","issued_on");--> statement-breakpoint
CREATE INDEX "organization_licences_verification_idx" ON "organization_licences" USING btree ("verification","created_at");--> statement-breakpoint
CREATE INDEX "outbox_failed_idx" ON "outbox_messages" USING btree ("failed_at") WHERE "outbox_messages"."failed_at" is not null;