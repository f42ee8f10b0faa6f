ALTER TABLE "customer_addresses" ALTER COLUMN "province_code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_addresses" ADD COLUMN "country_code" text DEFAULT 'CN' NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_addresses" ADD COLUMN "postcode" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "other_id_type" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "other_id_number_encrypted" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "other_id_number_blind_index" text;--> statement-breakpoint
ALTER TABLE "import_row_errors" ADD COLUMN "is_stored" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "invalid_values" text DEFAULT 'reject_row' NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "default_country_code" text DEFAULT 'CN' NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "partial_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "customers_other_id_number_blind_index_idx" ON "customers" USING btree ("other_id_number_blind_index");--> statement-breakpoint
ALTER TABLE "tasks" DROP COLUMN "title";