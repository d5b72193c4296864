ALTER TABLE "publications" ADD COLUMN "payment" jsonb;--> statement-breakpoint
ALTER TABLE "publications" ADD COLUMN "note" text;