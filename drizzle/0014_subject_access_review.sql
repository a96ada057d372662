CREATE TABLE `subject_access_redaction` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` text NOT NULL,
	`table_name` text NOT NULL,
	`row_key` text NOT NULL,
	`column_name` text NOT NULL,
	`reason` text NOT NULL,
	`why` text NOT NULL,
	`redacted_by` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `subject_access_request`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`redacted_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sar_redaction_item_idx` ON `subject_access_redaction` (`request_id`,`table_name`,`row_key`,`column_name`);--> statement-breakpoint
CREATE TABLE `subject_access_request` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`requested_by` text NOT NULL,
	`operation_id` text NOT NULL,
	`received_on` text NOT NULL,
	`due_on` text NOT NULL,
	`status` text NOT NULL,
	`requested_at` integer NOT NULL,
	`prepared_by` text,
	`prepared_at` integer,
	`prepared` text,
	`released_by` text,
	`released_at` integer,
	`released` text,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prepared_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`released_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sar_operation_idx` ON `subject_access_request` (`requested_by`,`operation_id`);--> statement-breakpoint
CREATE INDEX `sar_status_idx` ON `subject_access_request` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `sar_person_idx` ON `subject_access_request` (`young_person_id`,`requested_at`);--> statement-breakpoint
-- Hand-written: a redaction, once recorded, can be neither changed nor removed (who withheld what, and why).
CREATE TRIGGER `subject_access_redaction_no_update` BEFORE UPDATE ON `subject_access_redaction`
BEGIN
	SELECT RAISE(ABORT, 'subject_access_redaction is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `subject_access_redaction_no_delete` BEFORE DELETE ON `subject_access_redaction`
BEGIN
	SELECT RAISE(ABORT, 'subject_access_redaction is append-only');
END;
