CREATE TABLE "capture_settings" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"duplicate_mode" text DEFAULT 'review' NOT NULL,
	"extraction_limit" integer
);
--> statement-breakpoint
CREATE TABLE "email_addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"user_id" uuid,
	"workspace" text NOT NULL,
	"mode" text NOT NULL,
	"local_part" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_documents" (
	"item_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"account_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"page_count" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "item_documents_item_id_position_pk" PRIMARY KEY("item_id","position")
);
--> statement-breakpoint
CREATE TABLE "item_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"user_id" uuid,
	"kind" text NOT NULL,
	"field" text,
	"old_value" jsonb,
	"new_value" jsonb,
	"text" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"workspace" text NOT NULL,
	"submission_id" uuid,
	"part" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'processing' NOT NULL,
	"step" text DEFAULT 'extract' NOT NULL,
	"step_started_at" timestamp with time zone,
	"status_reason" text,
	"previous_status" text,
	"extraction" jsonb,
	"extracted_at" timestamp with time zone,
	"search_text" text DEFAULT '' NOT NULL,
	"document_type" text DEFAULT 'receipt' NOT NULL,
	"contact_id" uuid,
	"contact_name" text,
	"date" text,
	"due_date" text,
	"reference" text,
	"currency" text,
	"net_minor" bigint,
	"tax_minor" bigint,
	"total_minor" bigint,
	"category_id" uuid,
	"tax_rate_id" uuid,
	"payment_method_id" uuid,
	"description" text,
	"paid" boolean,
	"card_last4" text,
	"line_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"confidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"edited_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"review_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"duplicate_of_item_id" uuid,
	"not_duplicate_of" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"merged_into_item_id" uuid,
	"split_from_item_id" uuid,
	"owner_user_id" uuid,
	"submitted_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"workspace" text NOT NULL,
	"channel" text NOT NULL,
	"mode" text DEFAULT 'single' NOT NULL,
	"parent_id" uuid,
	"file_name" text NOT NULL,
	"kind" text NOT NULL,
	"size" bigint DEFAULT 0 NOT NULL,
	"sha256" text,
	"state" text NOT NULL,
	"reason" text,
	"submitted_by_user_id" uuid,
	"owner_user_id" uuid,
	"email_from" text,
	"email_subject" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"code" text,
	"visible" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"match_key" text NOT NULL,
	"category_id" uuid,
	"tax_rate_id" uuid,
	"payment_method_id" uuid,
	"description" text,
	"currency" text,
	"paid" boolean,
	"auto_publish" boolean DEFAULT false NOT NULL,
	"duplicate_mode" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_methods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"card_last4" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tax_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"workspace" text NOT NULL,
	"name" text NOT NULL,
	"code" text,
	"rate" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "capture_settings" ADD CONSTRAINT "capture_settings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_addresses" ADD CONSTRAINT "email_addresses_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_addresses" ADD CONSTRAINT "email_addresses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_documents" ADD CONSTRAINT "item_documents_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_documents" ADD CONSTRAINT "item_documents_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_events" ADD CONSTRAINT "item_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_events" ADD CONSTRAINT "item_events_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_events" ADD CONSTRAINT "item_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_methods" ADD CONSTRAINT "payment_methods_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_rates" ADD CONSTRAINT "tax_rates_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_addresses_local_part_key" ON "email_addresses" USING btree (lower("local_part"));--> statement-breakpoint
CREATE INDEX "email_addresses_account_idx" ON "email_addresses" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "item_documents_account_sha_idx" ON "item_documents" USING btree ("account_id","sha256");--> statement-breakpoint
CREATE INDEX "item_events_item_idx" ON "item_events" USING btree ("item_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "items_submission_part_key" ON "items" USING btree ("submission_id","part");--> statement-breakpoint
CREATE INDEX "items_account_list_idx" ON "items" USING btree ("account_id","workspace","status","created_at","id");--> statement-breakpoint
CREATE INDEX "items_account_date_idx" ON "items" USING btree ("account_id","workspace","date");--> statement-breakpoint
CREATE INDEX "items_account_total_idx" ON "items" USING btree ("account_id","workspace","total_minor");--> statement-breakpoint
CREATE INDEX "items_account_contact_idx" ON "items" USING btree ("account_id","contact_id");--> statement-breakpoint
CREATE INDEX "items_account_extracted_idx" ON "items" USING btree ("account_id","extracted_at");--> statement-breakpoint
CREATE INDEX "items_pipeline_idx" ON "items" USING btree ("status","step");--> statement-breakpoint
CREATE INDEX "items_search_idx" ON "items" USING gin (to_tsvector('simple', "search_text"));--> statement-breakpoint
CREATE INDEX "submissions_account_created_idx" ON "submissions" USING btree ("account_id","workspace","created_at");--> statement-breakpoint
CREATE INDEX "submissions_account_sha_idx" ON "submissions" USING btree ("account_id","sha256");--> statement-breakpoint
CREATE INDEX "submissions_parent_idx" ON "submissions" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "categories_account_name_key" ON "categories" USING btree ("account_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_account_kind_key" ON "contacts" USING btree ("account_id","kind","match_key");--> statement-breakpoint
CREATE INDEX "payment_methods_account_idx" ON "payment_methods" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "tax_rates_account_idx" ON "tax_rates" USING btree ("account_id","workspace");