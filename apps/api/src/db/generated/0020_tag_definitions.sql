CREATE TABLE "tag_definitions" (
	"name" text PRIMARY KEY NOT NULL,
	"color" text NOT NULL,
	"description" text,
	"kind" text DEFAULT 'manual' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
