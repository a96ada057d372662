CREATE TABLE `claim` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`entitlement` text NOT NULL,
	`local_offer_version_id` integer,
	`state` text NOT NULL,
	`decline_reason` text,
	`updated_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`local_offer_version_id`) REFERENCES `local_offer_version`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `claim_person_entitlement_idx` ON `claim` (`young_person_id`,`entitlement`);--> statement-breakpoint
CREATE TABLE `claim_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` text NOT NULL,
	`state` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`actor_id` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claim`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `claim_event_claim_idx` ON `claim_event` (`claim_id`,`at`);--> statement-breakpoint
CREATE TABLE `ledger_entry` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`young_person_id` text NOT NULL,
	`entitlement` text NOT NULL,
	`kind` text NOT NULL,
	`pence` integer NOT NULL,
	`item` text NOT NULL,
	`occurred_on` text NOT NULL,
	`key` text NOT NULL,
	`request_id` text,
	`corrects_id` integer,
	`override_reason` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `money_request`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_entry_key_unique` ON `ledger_entry` (`key`);--> statement-breakpoint
CREATE INDEX `ledger_entry_person_idx` ON `ledger_entry` (`young_person_id`,`entitlement`,`id`);--> statement-breakpoint
CREATE TABLE `local_offer_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`offer_id` text NOT NULL,
	`version` integer NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`how_to_get` text DEFAULT '' NOT NULL,
	`conditions` text DEFAULT '' NOT NULL,
	`amount_pence` integer,
	`min_age` integer DEFAULT 16 NOT NULL,
	`max_age` integer DEFAULT 25 NOT NULL,
	`effective_from` text NOT NULL,
	`effective_to` text,
	`withdrawn` integer DEFAULT false NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `local_offer_version_idx` ON `local_offer_version` (`offer_id`,`version`);--> statement-breakpoint
CREATE TABLE `money_request` (
	`id` text PRIMARY KEY NOT NULL,
	`claim_id` text NOT NULL,
	`young_person_id` text NOT NULL,
	`pence` integer NOT NULL,
	`item` text NOT NULL,
	`state` text NOT NULL,
	`asked_by` text NOT NULL,
	`asked_at` integer NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`decline_reason` text,
	`paid_by` text,
	`paid_at` integer,
	FOREIGN KEY (`claim_id`) REFERENCES `claim`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`asked_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`paid_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `money_request_person_idx` ON `money_request` (`young_person_id`,`state`);--> statement-breakpoint
CREATE TABLE `reminder_sent` (
	`key` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`sent_on` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- The money ledger and a claim's story are append-only: corrections are new entries.
CREATE TRIGGER `ledger_entry_no_update` BEFORE UPDATE ON `ledger_entry`
BEGIN
	SELECT RAISE(ABORT, 'ledger_entry is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entry_no_delete` BEFORE DELETE ON `ledger_entry`
BEGIN
	SELECT RAISE(ABORT, 'ledger_entry is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `claim_event_no_update` BEFORE UPDATE ON `claim_event`
BEGIN
	SELECT RAISE(ABORT, 'claim_event is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `claim_event_no_delete` BEFORE DELETE ON `claim_event`
BEGIN
	SELECT RAISE(ABORT, 'claim_event is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `local_offer_version_no_update` BEFORE UPDATE ON `local_offer_version`
BEGIN
	SELECT RAISE(ABORT, 'local_offer_version is append-only: add a new version');
END;
