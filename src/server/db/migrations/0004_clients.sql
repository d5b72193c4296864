CREATE TABLE "client_access" (
	"user_id" uuid NOT NULL,
	"business_account_id" uuid NOT NULL,
	CONSTRAINT "client_access_user_id_business_account_id_pk" PRIMARY KEY("user_id","business_account_id")
);
--> statement-breakpoint
CREATE TABLE "client_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_account_id" uuid NOT NULL,
	"practice_account_id" uuid,
	"invited_email" text,
	"status" text NOT NULL,
	"payer" text DEFAULT 'client' NOT NULL,
	"practice_code" text,
	"account_manager_user_id" uuid,
	"created_by_practice" text DEFAULT 'no' NOT NULL,
	"connected_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"ended_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_settings" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"new_client_defaults" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "client_access" ADD CONSTRAINT "client_access_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_access" ADD CONSTRAINT "client_access_business_account_id_accounts_id_fk" FOREIGN KEY ("business_account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_links" ADD CONSTRAINT "client_links_business_account_id_accounts_id_fk" FOREIGN KEY ("business_account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_links" ADD CONSTRAINT "client_links_practice_account_id_accounts_id_fk" FOREIGN KEY ("practice_account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_links" ADD CONSTRAINT "client_links_account_manager_user_id_users_id_fk" FOREIGN KEY ("account_manager_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_settings" ADD CONSTRAINT "practice_settings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_access_business_idx" ON "client_access" USING btree ("business_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "client_links_one_open_key" ON "client_links" USING btree ("business_account_id") WHERE status in ('pending', 'active');--> statement-breakpoint
CREATE INDEX "client_links_practice_idx" ON "client_links" USING btree ("practice_account_id","status");--> statement-breakpoint
CREATE INDEX "client_links_email_idx" ON "client_links" USING btree (lower("invited_email")) WHERE status = 'pending';