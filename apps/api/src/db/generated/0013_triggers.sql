CREATE TABLE "trigger_run_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"trigger_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"firing_key" text NOT NULL,
	"action_index" smallint NOT NULL,
	"action_type" text NOT NULL,
	"result" text NOT NULL,
	"detail" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trigger_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trigger_id" uuid NOT NULL,
	"is_dry_run" boolean NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"started_by" uuid,
	"customers" integer DEFAULT 0 NOT NULL,
	"actions_done" integer DEFAULT 0 NOT NULL,
	"actions_skipped" integer DEFAULT 0 NOT NULL,
	"actions_failed" integer DEFAULT 0 NOT NULL,
	"is_capped" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "triggers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"is_enabled" boolean NOT NULL,
	"segment_id" uuid NOT NULL,
	"fires_on" text NOT NULL,
	"include_current_members" boolean DEFAULT false NOT NULL,
	"daily_at" text DEFAULT '09:00' NOT NULL,
	"max_customers_per_run" integer DEFAULT 500 NOT NULL,
	"actions" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "trigger_run_items" ADD CONSTRAINT "trigger_run_items_run_id_trigger_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."trigger_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_run_items" ADD CONSTRAINT "trigger_run_items_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_runs" ADD CONSTRAINT "trigger_runs_trigger_id_triggers_id_fk" FOREIGN KEY ("trigger_id") REFERENCES "public"."triggers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_runs" ADD CONSTRAINT "trigger_runs_started_by_staff_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triggers" ADD CONSTRAINT "triggers_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triggers" ADD CONSTRAINT "triggers_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trigger_run_items_run_idx" ON "trigger_run_items" USING btree ("run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "trigger_run_items_done_key" ON "trigger_run_items" USING btree ("trigger_id","customer_id","firing_key","action_index") WHERE result = 'done';--> statement-breakpoint
CREATE INDEX "trigger_runs_trigger_idx" ON "trigger_runs" USING btree ("trigger_id","started_at");