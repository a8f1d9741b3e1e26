CREATE TABLE "signature_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"certificate_der" text NOT NULL,
	"serial_hex" text NOT NULL,
	"issuer_name" text NOT NULL,
	"owner_name" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"revocation" text NOT NULL,
	"active" boolean NOT NULL,
	"registered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "signature_certificates" ADD CONSTRAINT "signature_certificates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_certificates" ADD CONSTRAINT "signature_certificates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signature_certificates_owner_idx" ON "signature_certificates" USING btree ("organization_id","user_id","registered_at");