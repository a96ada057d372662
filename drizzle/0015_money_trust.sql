CREATE TABLE `approval_limit_version` (
	`version` integer PRIMARY KEY NOT NULL,
	`limit_pence` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `cost_code_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entitlement` text NOT NULL,
	`code` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cost_code_entitlement_idx` ON `cost_code_version` (`entitlement`,`id`);--> statement-breakpoint
CREATE TABLE `money_operation` (
	`operation_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`fingerprint` text NOT NULL,
	`result` text NOT NULL,
	`actor_id` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `money_pending` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`young_person_id` text NOT NULL,
	`entitlement` text NOT NULL,
	`request_id` text,
	`corrects_id` integer,
	`pence` integer NOT NULL,
	`item` text NOT NULL,
	`occurred_on` text NOT NULL,
	`override_reason` text,
	`allowance_pence` integer,
	`why` text NOT NULL,
	`limit_pence` integer NOT NULL,
	`state` text NOT NULL,
	`requested_by` text NOT NULL,
	`requested_at` integer NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`refuse_reason` text,
	`entry_id` integer,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `money_request`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `money_pending_state_idx` ON `money_pending` (`state`,`requested_at`);--> statement-breakpoint
CREATE INDEX `money_pending_person_idx` ON `money_pending` (`young_person_id`,`state`);--> statement-breakpoint
ALTER TABLE `ledger_entry` ADD `approved_by` text REFERENCES user(id);--> statement-breakpoint
ALTER TABLE `money_request` ADD `confirmed_by` text REFERENCES user(id);--> statement-breakpoint
ALTER TABLE `money_request` ADD `confirmed_at` integer;--> statement-breakpoint
-- Hand-written: at most one waiting confirmation per ask and kind, so two PAs cannot queue the same payment twice.
CREATE UNIQUE INDEX `money_pending_request_waiting_idx` ON `money_pending` (`request_id`, `kind`) WHERE `state` = 'waiting' AND `request_id` IS NOT NULL;--> statement-breakpoint
-- Hand-written: the approval limit, cost codes and the operation log are append-only (a change is a new row).
CREATE TRIGGER `approval_limit_version_no_update` BEFORE UPDATE ON `approval_limit_version` BEGIN
	SELECT RAISE(ABORT, 'approval_limit_version is append-only: add a new version');
END;--> statement-breakpoint
CREATE TRIGGER `approval_limit_version_no_delete` BEFORE DELETE ON `approval_limit_version` BEGIN
	SELECT RAISE(ABORT, 'approval_limit_version is append-only: add a new version');
END;--> statement-breakpoint
CREATE TRIGGER `cost_code_version_no_update` BEFORE UPDATE ON `cost_code_version` BEGIN
	SELECT RAISE(ABORT, 'cost_code_version is append-only: add a new version');
END;--> statement-breakpoint
CREATE TRIGGER `cost_code_version_no_delete` BEFORE DELETE ON `cost_code_version` BEGIN
	SELECT RAISE(ABORT, 'cost_code_version is append-only: add a new version');
END;--> statement-breakpoint
CREATE TRIGGER `money_operation_no_update` BEFORE UPDATE ON `money_operation` BEGIN
	SELECT RAISE(ABORT, 'money_operation is append-only');
END;--> statement-breakpoint
CREATE TRIGGER `money_operation_no_delete` BEFORE DELETE ON `money_operation` BEGIN
	SELECT RAISE(ABORT, 'money_operation is append-only');
END;
