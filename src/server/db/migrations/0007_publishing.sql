CREATE TABLE "ledger_connections" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"software" text NOT NULL,
	"status" text NOT NULL,
	"tenant_id" text NOT NULL,
	"tenant_name" text NOT NULL,
	"access_token_sealed" text,
	"refresh_token_sealed" text,
	"expires_at" timestamp with time zone,
	"last_sync_at" timestamp with time zone,
	"last_error" text,
	"connected_by_user_id" uuid,
	"connected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_list_entries" (
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ledger_id" text NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"docket_id" uuid,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_list_entries_account_id_kind_ledger_id_pk" PRIMARY KEY("account_id","kind","ledger_id")
);
--> statement-breakpoint
CREATE TABLE "ledger_oauth_states" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"session_hash" text NOT NULL,
	"user_id" uuid,
	"software" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_method_links" (
	"account_id" uuid NOT NULL,
	"payment_method_id" uuid NOT NULL,
	"bank_account_id" text,
	"payment_type" text,
	"auto_publish" boolean,
	CONSTRAINT "payment_method_links_account_id_payment_method_id_pk" PRIMARY KEY("account_id","payment_method_id")
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"software" text,
	"tenant_id" text,
	"state" text NOT NULL,
	"generation" integer DEFAULT 1 NOT NULL,
	"attempt" integer DEFAULT 1 NOT NULL,
	"kind" text,
	"ledger_document_id" text,
	"ledger_number" text,
	"ledger_status" text,
	"ledger_url" text,
	"attachment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attachment_error" text,
	"error_code" text,
	"error_message" text,
	"error_fix" text,
	"vendor_message" text,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"auto" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "publishing_settings" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ledger_connections" ADD CONSTRAINT "ledger_connections_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_connections" ADD CONSTRAINT "ledger_connections_connected_by_user_id_users_id_fk" FOREIGN KEY ("connected_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_list_entries" ADD CONSTRAINT "ledger_list_entries_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_oauth_states" ADD CONSTRAINT "ledger_oauth_states_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_oauth_states" ADD CONSTRAINT "ledger_oauth_states_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_method_links" ADD CONSTRAINT "payment_method_links_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publishing_settings" ADD CONSTRAINT "publishing_settings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_list_entries_docket_idx" ON "ledger_list_entries" USING btree ("account_id","docket_id");--> statement-breakpoint
CREATE INDEX "ledger_oauth_states_account_idx" ON "ledger_oauth_states" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "publications_account_state_idx" ON "publications" USING btree ("account_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "publications_ledger_document_key" ON "publications" USING btree ("account_id","software","ledger_document_id") WHERE "publications"."ledger_document_id" is not null;