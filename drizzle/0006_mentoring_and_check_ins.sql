CREATE TABLE `concern` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`match_id` text,
	`contact_log_id` integer,
	`raised_by` text NOT NULL,
	`grade` text NOT NULL,
	`text` text NOT NULL,
	`operation_id` text NOT NULL,
	`raised_at` integer NOT NULL,
	`acknowledged_at` integer,
	`acknowledged_by` text,
	`pa_action` text,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`match_id`) REFERENCES `mentor_match`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_log_id`) REFERENCES `contact_log`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`raised_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acknowledged_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `concern_operation_idx` ON `concern` (`raised_by`,`operation_id`);--> statement-breakpoint
CREATE INDEX `concern_person_idx` ON `concern` (`young_person_id`,`raised_at`);--> statement-breakpoint
CREATE TABLE `contact_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`match_id` text NOT NULL,
	`mentor_id` text NOT NULL,
	`young_person_id` text NOT NULL,
	`occurred_on` text NOT NULL,
	`mode` text NOT NULL,
	`minutes` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`mood` text DEFAULT 'not_said' NOT NULL,
	`next_planned_on` text,
	`operation_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`match_id`) REFERENCES `mentor_match`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mentor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_person`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contact_log_operation_idx` ON `contact_log` (`mentor_id`,`operation_id`);--> statement-breakpoint
CREATE INDEX `contact_log_match_idx` ON `contact_log` (`match_id`,`occurred_on`);--> statement-breakpoint
CREATE TABLE `match_request` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`kind` text NOT NULL,
	`interests` text DEFAULT '[]' NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`gender_preference` text DEFAULT 'any' NOT NULL,
	`area` text DEFAULT '' NOT NULL,
	`lat` real,
	`lon` real,
	`frequency` text DEFAULT 'fortnightly' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_person`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `match_request_status_idx` ON `match_request` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `mentor_profile` (
	`user_id` text PRIMARY KEY NOT NULL,
	`offers` text DEFAULT 'both' NOT NULL,
	`dbs_level` text,
	`certificate_on` text,
	`update_service_checked_on` text,
	`references_received` integer DEFAULT 0 NOT NULL,
	`training_completed_on` text,
	`last_supervision_on` text,
	`capacity` integer DEFAULT 2 NOT NULL,
	`gender` text DEFAULT 'not_said' NOT NULL,
	`interests` text DEFAULT '[]' NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`area` text DEFAULT '' NOT NULL,
	`lat` real,
	`lon` real,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `trusted_adult` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`young_person_id` text NOT NULL,
	`name` text NOT NULL,
	`relationship` text NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_person`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `trusted_adult_person_idx` ON `trusted_adult` (`young_person_id`);--> statement-breakpoint
CREATE TABLE `check_in` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`young_person_id` text NOT NULL,
	`user_id` text NOT NULL,
	`scores` text NOT NULL,
	`words` text DEFAULT '' NOT NULL,
	`operation_id` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `check_in_operation_idx` ON `check_in` (`user_id`,`operation_id`);--> statement-breakpoint
CREATE INDEX `check_in_person_idx` ON `check_in` (`young_person_id`,`at`);--> statement-breakpoint
ALTER TABLE `young_person` ADD `interests` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `young_person` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `young_person` ADD `college` text;--> statement-breakpoint
ALTER TABLE `young_person` ADD `home_situation` text;--> statement-breakpoint
ALTER TABLE `mentor_match` ADD `shares` text DEFAULT '[]' NOT NULL;