CREATE TABLE "ledger_call_leases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bucket" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"weight" integer DEFAULT 1 NOT NULL,
	"lease_until" timestamp with time zone,
	"holder" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_rate_buckets" (
	"bucket" text PRIMARY KEY NOT NULL,
	"paused_until" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ledger_call_leases_bucket_idx" ON "ledger_call_leases" USING btree ("bucket","started_at");