ALTER TABLE "items" ADD COLUMN "tracking" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "tracking" jsonb DEFAULT '[]'::jsonb NOT NULL;