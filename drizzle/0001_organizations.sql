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
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_frmo_oid_unique" UNIQUE("frmo_oid"),
	CONSTRAINT "organizations_ogrn_unique" UNIQUE("ogrn")
);
