CREATE TABLE "consent_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"version_id" text NOT NULL,
	"text_sha256" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"granted_ip" text,
	"revoked_at" timestamp with time zone,
	"revoked_ip" text
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "register_accreditation_procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"accreditation_id" uuid NOT NULL,
	"registry_number" text,
	"accreditation_kind_id" text NOT NULL,
	"accreditation_kind" text NOT NULL,
	"spec_id" text NOT NULL,
	"spec" text NOT NULL,
	"institution" text,
	"passed" boolean NOT NULL,
	"pass_date" date,
	"end_date" date,
	"protocol_date" date,
	"protocol_number" text
);
--> statement-breakpoint
CREATE TABLE "register_accreditations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"protocol_date" date,
	"protocol_number" text,
	"doc_serial" text,
	"doc_number" text,
	"reg_number" text,
	CONSTRAINT "register_accreditations_person_id_unique" UNIQUE("person_id")
);
--> statement-breakpoint
CREATE TABLE "register_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"nomination_name" text NOT NULL,
	"nom_number" text,
	"nom_date" date
);
--> statement-breakpoint
CREATE TABLE "register_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"cert_serial" text,
	"cert_number" text NOT NULL,
	"exam_date" date,
	"pass_date" date,
	"end_date" date,
	"institution_name" text,
	"spec_id" text,
	"spec_name" text
);
--> statement-breakpoint
CREATE TABLE "register_employment_cards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"organization_oid" text NOT NULL,
	"organization_name" text NOT NULL,
	"department_id" text,
	"department_name" text,
	"post_id" text NOT NULL,
	"post_name" text NOT NULL,
	"position_type_id" text NOT NULL,
	"position_type_name" text NOT NULL,
	"rate" numeric(4, 2) NOT NULL,
	"begin_date" date NOT NULL,
	"end_date" date
);
--> statement-breakpoint
CREATE TABLE "register_ext_education" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"prof_education_kind_id" text NOT NULL,
	"prof_education_kind_name" text NOT NULL,
	"institution_name" text NOT NULL,
	"hours_count" integer NOT NULL,
	"theme" text,
	"doc_serial" text,
	"doc_number" text,
	"doc_date" date,
	"spec_id" text,
	"spec_name" text
);
--> statement-breakpoint
CREATE TABLE "register_postgraduate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"education_stage_id" text NOT NULL,
	"education_stage_name" text NOT NULL,
	"institution_name" text NOT NULL,
	"begin_year" integer,
	"doc_serial" text,
	"doc_number" text,
	"doc_date" date,
	"spec_id" text,
	"spec_name" text
);
--> statement-breakpoint
CREATE TABLE "register_prof_education" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"level_education_id" text NOT NULL,
	"level_education" text NOT NULL,
	"institution_name" text NOT NULL,
	"begin_year" integer,
	"doc_serial" text,
	"doc_number" text,
	"doc_date" date,
	"spec_id" text,
	"spec_name" text,
	"qualification_name" text
);
--> statement-breakpoint
CREATE TABLE "register_qualification_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"qualify_category_id" text NOT NULL,
	"qualify_category_name" text NOT NULL,
	"begin_date" date,
	"end_date" date,
	"spec_id" text,
	"spec_name" text,
	"post_id" text,
	"post_name" text
);
--> statement-breakpoint
CREATE TABLE "esia_snapshots" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"person" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"address_type_id" text NOT NULL,
	"address_type_name" text NOT NULL,
	"reg_date" date,
	"address" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_identity_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"document_id" text NOT NULL,
	"document_name" text NOT NULL,
	"serial" text,
	"number" text NOT NULL,
	"pass_date" date,
	"pass_org" text,
	"code_org" text
);
--> statement-breakpoint
CREATE TABLE "register_persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"oid" text,
	"user_id" uuid,
	"esia_oid" text,
	"snils" text,
	"last_name" text NOT NULL,
	"first_name" text NOT NULL,
	"patronymic" text,
	"gender" text,
	"birth_date" date,
	"inn" text,
	"phone" text,
	"email" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "register_persons_oid_unique" UNIQUE("oid"),
	CONSTRAINT "register_persons_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "register_persons_esia_oid_unique" UNIQUE("esia_oid"),
	CONSTRAINT "register_persons_snils_unique" UNIQUE("snils")
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"email" boolean NOT NULL,
	"sms" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consent_codes" ADD CONSTRAINT "consent_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_accreditation_procedures" ADD CONSTRAINT "register_accreditation_procedures_accreditation_id_register_accreditations_id_fk" FOREIGN KEY ("accreditation_id") REFERENCES "public"."register_accreditations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_accreditations" ADD CONSTRAINT "register_accreditations_person_id_register_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."register_persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_awards" ADD CONSTRAINT "register_awards_person_id_register_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."register_persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_certificates" ADD CONSTRAINT "register_certificates_person_id_register_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."register_persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_employment_cards" ADD CONSTRAINT "register_employment_cards_person_id_register_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."register_persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_ext_education" ADD CONSTRAINT "register_ext_education_person_id_register_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."register_persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_postgraduate" ADD CONSTRAINT "register_postgraduate_person_id_register_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."register_persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_prof_education" ADD CONSTRAINT "register_prof_education_person_id_register_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."register_persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_qualification_categories" ADD CONSTRAINT "register_qualification_categories_person_id_register_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."register_persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "esia_snapshots" ADD CONSTRAINT "esia_snapshots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_addresses" ADD CONSTRAINT "register_addresses_person_id_register_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."register_persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_identity_documents" ADD CONSTRAINT "register_identity_documents_person_id_register_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."register_persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_persons" ADD CONSTRAINT "register_persons_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_codes_user_idx" ON "consent_codes" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "consents_one_active_idx" ON "consents" USING btree ("user_id") WHERE "consents"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "consents_user_idx" ON "consents" USING btree ("user_id","granted_at");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox_messages" USING btree ("id") WHERE "outbox_messages"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "outbox_user_idx" ON "outbox_messages" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "register_accreditation_procedures_idx" ON "register_accreditation_procedures" USING btree ("accreditation_id");--> statement-breakpoint
CREATE INDEX "register_awards_person_idx" ON "register_awards" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "register_certificates_person_idx" ON "register_certificates" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "register_employment_cards_person_idx" ON "register_employment_cards" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "register_employment_cards_org_idx" ON "register_employment_cards" USING btree ("organization_oid");--> statement-breakpoint
CREATE INDEX "register_ext_education_person_idx" ON "register_ext_education" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "register_postgraduate_person_idx" ON "register_postgraduate" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "register_prof_education_person_idx" ON "register_prof_education" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "register_qualification_categories_person_idx" ON "register_qualification_categories" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "register_addresses_person_idx" ON "register_addresses" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "register_identity_documents_kind_idx" ON "register_identity_documents" USING btree ("person_id","document_id");