CREATE TABLE "access_policies" (
	"role" text PRIMARY KEY NOT NULL,
	"data_scope" text NOT NULL,
	"field_access" jsonb NOT NULL,
	"can_reveal" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "team" text;--> statement-breakpoint
CREATE INDEX "staff_users_team_idx" ON "staff_users" USING btree ("team");