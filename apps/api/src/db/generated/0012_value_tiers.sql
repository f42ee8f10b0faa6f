CREATE TABLE "customer_value_scores" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"recency" smallint NOT NULL,
	"frequency" smallint NOT NULL,
	"monetary" smallint NOT NULL,
	"days_since_last_order" integer,
	"order_count" integer NOT NULL,
	"order_amount" numeric(16, 2) NOT NULL,
	"method" text NOT NULL,
	"scored_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "value_tier_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"from_tier" text,
	"to_tier" text,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "value_tier_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_value_scores" ADD CONSTRAINT "customer_value_scores_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_tier_changes" ADD CONSTRAINT "value_tier_changes_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "value_tier_changes_customer_idx" ON "value_tier_changes" USING btree ("customer_id","changed_at","id");--> statement-breakpoint
CREATE INDEX "work_order_events_assignee_idx" ON "work_order_events" USING btree ("assignee_id","type","occurred_at");