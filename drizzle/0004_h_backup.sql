CREATE TABLE "storage_checks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"files_without_row" integer NOT NULL,
	"rows_without_file" integer NOT NULL,
	"staging_removed" integer NOT NULL,
	"staging_in_flight" integer NOT NULL,
	"sample" jsonb NOT NULL
);
