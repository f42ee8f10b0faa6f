CREATE TABLE "dashboard_dirty_months" (
	"month" date PRIMARY KEY NOT NULL
);
--> statement-breakpoint
DROP INDEX "orders_updated_at_idx";--> statement-breakpoint
ALTER TABLE "dashboard_refreshes" DROP COLUMN "orders_watermark";