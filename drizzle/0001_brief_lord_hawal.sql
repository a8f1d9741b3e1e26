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
ALTER TABLE "api_idempotency_keys" ADD CONSTRAINT "api_idempotency_keys_client_id_api_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."api_clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "resource_versions_resource_idx" ON "resource_versions" USING btree ("resource_type","resource_id","version");--> statement-breakpoint
CREATE INDEX "resource_versions_person_idx" ON "resource_versions" USING btree ("person_id","changed_at");--> statement-breakpoint
CREATE INDEX "resource_versions_org_idx" ON "resource_versions" USING btree ("organization_oid","seq");--> statement-breakpoint
CREATE INDEX "resource_versions_time_idx" ON "resource_versions" USING btree ("changed_at");