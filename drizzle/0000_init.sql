CREATE TABLE "organization_access_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"snils" text NOT NULL,
	"full_name" text NOT NULL,
	"rights" jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"granted_by" uuid NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"revoked_by" uuid,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "organization_representatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"snils" text NOT NULL,
	"full_name" text NOT NULL,
	"attorney_number" text NOT NULL,
	"attorney_format" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"refusal_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"revoked_by" uuid,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "application_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"slot_id" text NOT NULL,
	"document_id" uuid NOT NULL,
	"attached_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" bigserial NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"specialty_code" text NOT NULL,
	"specialty_name" text NOT NULL,
	"status" text NOT NULL,
	"basis_label" text,
	"basis_end_date" date,
	"desired_date" date,
	"report" jsonb,
	"agreement_mode" text,
	"organization_id" uuid,
	"agreement_comment" text,
	"portfolio" jsonb,
	"assignee_id" uuid,
	"stage_due_on" date,
	"submitted_at" timestamp with time zone,
	"protocol_number" text,
	"protocol_date" date,
	"decision_comment" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "applications_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "application_portfolio_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"title" text NOT NULL,
	"institution" text NOT NULL,
	"hours" integer NOT NULL,
	"completed_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_requested_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"label" text NOT NULL,
	"type_code" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"document_id" uuid,
	"provided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"organization_id" text,
	"event" text NOT NULL,
	"outcome" text NOT NULL,
	"ip" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"type_code" text NOT NULL,
	"original_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"locked_at" timestamp with time zone,
	CONSTRAINT "documents_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "accreditation_extracts" (
	"number" text PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "accreditation_extracts_application_id_unique" UNIQUE("application_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"esia_oid" text NOT NULL,
	"last_name" text NOT NULL,
	"first_name" text NOT NULL,
	"middle_name" text,
	"snils" text,
	"trusted" boolean DEFAULT false NOT NULL,
	"last_login_at" timestamp with time zone,
	"previous_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_esia_oid_unique" UNIQUE("esia_oid")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notices_key_unique" UNIQUE("key")
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
CREATE TABLE "egrul_correction_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"field" text NOT NULL,
	"shown_value" text,
	"proposed_value" text NOT NULL,
	"comment" text,
	"status" text DEFAULT 'new' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"answer" text
);
--> statement-breakpoint
CREATE TABLE "organization_data_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"fields" jsonb NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"corrections" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organization_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"original_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "organization_files_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"frmo_oid" text NOT NULL,
	"ogrn" text NOT NULL,
	"inn" text NOT NULL,
	"kpp" text,
	"full_name" text NOT NULL,
	"short_name" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"legal_address" text,
	"head_name" text,
	"head_position" text,
	"registered_on" date,
	"contact_phone" text,
	"contact_email" text,
	"activation" text DEFAULT 'incomplete' NOT NULL,
	"egrul_synced_at" timestamp with time zone,
	"egrul_mismatches" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_frmo_oid_unique" UNIQUE("frmo_oid"),
	CONSTRAINT "organizations_ogrn_unique" UNIQUE("ogrn")
);
--> statement-breakpoint
CREATE TABLE "organization_known_clients" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organization_networks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"cidr" text NOT NULL,
	"note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organization_notices" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
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
CREATE TABLE "operators" (
	"snils" text PRIMARY KEY NOT NULL,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"email" boolean NOT NULL,
	"sms" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"status" text DEFAULT 'validating' NOT NULL,
	"source" text,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"valid_rows" jsonb,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"imported_rows" integer DEFAULT 0 NOT NULL,
	"failure" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "organization_access_grants" ADD CONSTRAINT "organization_access_grants_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_access_grants" ADD CONSTRAINT "organization_access_grants_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_access_grants" ADD CONSTRAINT "organization_access_grants_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_representatives" ADD CONSTRAINT "organization_representatives_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_representatives" ADD CONSTRAINT "organization_representatives_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_representatives" ADD CONSTRAINT "organization_representatives_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_representatives" ADD CONSTRAINT "organization_representatives_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_portfolio_entries" ADD CONSTRAINT "application_portfolio_entries_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_requested_documents" ADD CONSTRAINT "application_requested_documents_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_requested_documents" ADD CONSTRAINT "application_requested_documents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_codes" ADD CONSTRAINT "consent_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accreditation_extracts" ADD CONSTRAINT "accreditation_extracts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accreditation_extracts" ADD CONSTRAINT "accreditation_extracts_procedure_id_register_accreditation_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."register_accreditation_procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "egrul_correction_requests" ADD CONSTRAINT "egrul_correction_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "egrul_correction_requests" ADD CONSTRAINT "egrul_correction_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "egrul_correction_requests" ADD CONSTRAINT "egrul_correction_requests_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_data_requests" ADD CONSTRAINT "organization_data_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_data_requests" ADD CONSTRAINT "organization_data_requests_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_data_requests" ADD CONSTRAINT "organization_data_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_files" ADD CONSTRAINT "organization_files_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_files" ADD CONSTRAINT "organization_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_known_clients" ADD CONSTRAINT "organization_known_clients_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_known_clients" ADD CONSTRAINT "organization_known_clients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_networks" ADD CONSTRAINT "organization_networks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_networks" ADD CONSTRAINT "organization_networks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_notices" ADD CONSTRAINT "organization_notices_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
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
ALTER TABLE "staff_imports" ADD CONSTRAINT "staff_imports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_imports" ADD CONSTRAINT "staff_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_access_grants_idx" ON "organization_access_grants" USING btree ("organization_id","snils");--> statement-breakpoint
CREATE INDEX "organization_representatives_idx" ON "organization_representatives" USING btree ("organization_id","snils");--> statement-breakpoint
CREATE UNIQUE INDEX "application_attachments_unique_idx" ON "application_attachments" USING btree ("application_id","slot_id","document_id");--> statement-breakpoint
CREATE INDEX "application_events_idx" ON "application_events" USING btree ("application_id","occurred_at");--> statement-breakpoint
CREATE INDEX "applications_user_idx" ON "applications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "applications_queue_idx" ON "applications" USING btree ("status","stage_due_on");--> statement-breakpoint
CREATE INDEX "applications_deadline_idx" ON "applications" USING btree ("stage_due_on","number");--> statement-breakpoint
CREATE INDEX "applications_organization_idx" ON "applications" USING btree ("organization_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_open_idx" ON "applications" USING btree ("user_id","specialty_code") WHERE "applications"."status" not in ('approved', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE INDEX "application_portfolio_entries_idx" ON "application_portfolio_entries" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "application_requested_documents_idx" ON "application_requested_documents" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "audit_user_time_idx" ON "audit_events" USING btree ("user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_org_time_idx" ON "audit_events" USING btree ("organization_id","occurred_at");--> statement-breakpoint
CREATE INDEX "consent_codes_user_idx" ON "consent_codes" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "consents_one_active_idx" ON "consents" USING btree ("user_id") WHERE "consents"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "consents_user_idx" ON "consents" USING btree ("user_id","granted_at");--> statement-breakpoint
CREATE INDEX "documents_user_uploaded_idx" ON "documents" USING btree ("user_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_last_seen_idx" ON "sessions" USING btree ("last_seen_at");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at") WHERE "jobs"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "jobs_running_idx" ON "jobs" USING btree ("locked_until") WHERE "jobs"."status" = 'running';--> statement-breakpoint
CREATE INDEX "notices_user_idx" ON "notices" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox_messages" USING btree ("id") WHERE "outbox_messages"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "outbox_user_idx" ON "outbox_messages" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "egrul_corrections_org_idx" ON "egrul_correction_requests" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "organization_data_requests_org_idx" ON "organization_data_requests" USING btree ("organization_id","submitted_at");--> statement-breakpoint
CREATE INDEX "organization_files_subject_idx" ON "organization_files" USING btree ("subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organization_known_clients_idx" ON "organization_known_clients" USING btree ("organization_id","user_id","kind","value");--> statement-breakpoint
CREATE UNIQUE INDEX "organization_networks_cidr_idx" ON "organization_networks" USING btree ("organization_id","cidr");--> statement-breakpoint
CREATE INDEX "organization_notices_org_idx" ON "organization_notices" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "register_accreditation_procedures_idx" ON "register_accreditation_procedures" USING btree ("accreditation_id");--> statement-breakpoint
CREATE INDEX "register_awards_person_idx" ON "register_awards" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "register_certificates_person_idx" ON "register_certificates" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "register_employment_cards_person_idx" ON "register_employment_cards" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "register_employment_cards_org_idx" ON "register_employment_cards" USING btree ("organization_oid");--> statement-breakpoint
CREATE INDEX "register_employment_cards_org_person_idx" ON "register_employment_cards" USING btree ("organization_oid","person_id");--> statement-breakpoint
CREATE INDEX "register_ext_education_person_idx" ON "register_ext_education" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "register_postgraduate_person_idx" ON "register_postgraduate" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "register_prof_education_person_idx" ON "register_prof_education" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "register_qualification_categories_person_idx" ON "register_qualification_categories" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "register_addresses_person_idx" ON "register_addresses" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "register_identity_documents_kind_idx" ON "register_identity_documents" USING btree ("person_id","document_id");--> statement-breakpoint
CREATE INDEX "register_persons_name_idx" ON "register_persons" USING btree ("last_name","first_name","id");--> statement-breakpoint
CREATE INDEX "staff_imports_org_idx" ON "staff_imports" USING btree ("organization_id","created_at");