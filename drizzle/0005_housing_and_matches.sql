CREATE TABLE `accommodation_stay` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`young_person_id` text NOT NULL,
	`accom_code` text NOT NULL,
	`from_on` text NOT NULL,
	`to_on` text,
	`emergency` integer DEFAULT false NOT NULL,
	`council_provided` integer DEFAULT false NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `accommodation_stay_person_idx` ON `accommodation_stay` (`young_person_id`,`from_on`);--> statement-breakpoint
CREATE TABLE `duty_to_refer` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`flag_id` text NOT NULL,
	`young_person_id` text NOT NULL,
	`consent_given` integer NOT NULL,
	`consent_on` text,
	`housing_authority` text NOT NULL,
	`referred_on` text,
	`recorded_by` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`flag_id`) REFERENCES `housing_flag`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `duty_to_refer_flag_idx` ON `duty_to_refer` (`flag_id`);--> statement-breakpoint
CREATE TABLE `escalation` (
	`key` text PRIMARY KEY NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`young_person_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_person`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `housing_flag` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`raised_by` text NOT NULL,
	`operation_id` text NOT NULL,
	`kind` text NOT NULL,
	`urgency` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`notice_on` text,
	`threatened_on` text,
	`status` text NOT NULL,
	`raised_at` integer NOT NULL,
	`acknowledged_at` integer,
	`acknowledged_by` text,
	`resolved_at` integer,
	`resolved_by` text,
	`outcome` text,
	`resolution` text,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`raised_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acknowledged_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `housing_flag_operation_idx` ON `housing_flag` (`raised_by`,`operation_id`);--> statement-breakpoint
CREATE INDEX `housing_flag_person_idx` ON `housing_flag` (`young_person_id`,`status`);--> statement-breakpoint
CREATE INDEX `housing_flag_status_idx` ON `housing_flag` (`status`,`raised_at`);--> statement-breakpoint
CREATE TABLE `housing_flag_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`flag_id` text NOT NULL,
	`kind` text NOT NULL,
	`action` text,
	`note` text DEFAULT '' NOT NULL,
	`actor_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`flag_id`) REFERENCES `housing_flag`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `housing_flag_event_flag_idx` ON `housing_flag_event` (`flag_id`,`id`);--> statement-breakpoint
CREATE TABLE `mentor_match` (
	`id` text PRIMARY KEY NOT NULL,
	`mentor_id` text NOT NULL,
	`young_person_id` text NOT NULL,
	`kind` text DEFAULT 'mentor' NOT NULL,
	`status` text NOT NULL,
	`rhythm` text DEFAULT 'fortnightly' NOT NULL,
	`started_on` text,
	`planned_end_on` text,
	`ended_on` text,
	`closing_note` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`mentor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_person`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mentor_match_mentor_idx` ON `mentor_match` (`mentor_id`,`status`);--> statement-breakpoint
CREATE INDEX `mentor_match_person_idx` ON `mentor_match` (`young_person_id`,`status`);--> statement-breakpoint
-- A flag's story is append-only: each step is a new row.
CREATE TRIGGER `housing_flag_event_no_update` BEFORE UPDATE ON `housing_flag_event`
BEGIN
	SELECT RAISE(ABORT, 'housing_flag_event is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `housing_flag_event_no_delete` BEFORE DELETE ON `housing_flag_event`
BEGIN
	SELECT RAISE(ABORT, 'housing_flag_event is append-only');
END;
