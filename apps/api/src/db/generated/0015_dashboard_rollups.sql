CREATE TABLE "dashboard_customer_rollups" (
	"province_code" text,
	"city_code" text,
	"owner_id" uuid,
	"kind" text NOT NULL,
	"lifecycle_stage" text NOT NULL,
	"value_tier" text,
	"created_month" date NOT NULL,
	"customers" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_order_rollups" (
	"month" date NOT NULL,
	"channel" text NOT NULL,
	"province_code" text,
	"owner_id" uuid,
	"orders" integer NOT NULL,
	"revenue" numeric(18, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_refreshes" (
	"id" integer PRIMARY KEY NOT NULL,
	"orders_watermark" timestamp with time zone NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "dashboard_customer_rollups_owner_idx" ON "dashboard_customer_rollups" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "dashboard_order_rollups_month_idx" ON "dashboard_order_rollups" USING btree ("month");--> statement-breakpoint
CREATE INDEX "orders_updated_at_idx" ON "orders" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "orders_ordered_at_idx" ON "orders" USING btree ("ordered_at");