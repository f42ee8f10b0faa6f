-- The rows are derived (rebuilt by every refresh): emptied so that the new NOT NULL column can be added.
DELETE FROM "dashboard_customer_rollups";--> statement-breakpoint
DROP INDEX "dashboard_customer_rollups_owner_idx";--> statement-breakpoint
ALTER TABLE "dashboard_customer_rollups" ADD COLUMN "dimension" text NOT NULL;--> statement-breakpoint
ALTER TABLE "dashboard_customer_rollups" ADD COLUMN "key" text;--> statement-breakpoint
CREATE INDEX "dashboard_customer_rollups_dimension_idx" ON "dashboard_customer_rollups" USING btree ("dimension","province_code");--> statement-breakpoint
ALTER TABLE "dashboard_customer_rollups" DROP COLUMN "city_code";--> statement-breakpoint
ALTER TABLE "dashboard_customer_rollups" DROP COLUMN "kind";--> statement-breakpoint
ALTER TABLE "dashboard_customer_rollups" DROP COLUMN "lifecycle_stage";--> statement-breakpoint
ALTER TABLE "dashboard_customer_rollups" DROP COLUMN "value_tier";--> statement-breakpoint
ALTER TABLE "dashboard_customer_rollups" DROP COLUMN "created_month";