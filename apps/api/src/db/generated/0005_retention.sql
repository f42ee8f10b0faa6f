CREATE TABLE "retention_policies" (
	"category" text PRIMARY KEY NOT NULL,
	"is_enabled" boolean NOT NULL,
	"after_days" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"is_dry_run" boolean NOT NULL,
	"report" jsonb NOT NULL,
	"triggered_by" text
);
