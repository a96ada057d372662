CREATE TABLE `session` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `session_user_idx` ON `session` (`user_id`);--> statement-breakpoint
CREATE TABLE `user` (
	`id` text PRIMARY KEY NOT NULL,
	`role` text NOT NULL,
	`display_name` text NOT NULL,
	`email` text,
	`locale` text,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`disabled_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_email_unique` ON `user` (`email`);--> statement-breakpoint
CREATE INDEX `user_role_idx` ON `user` (`role`);--> statement-breakpoint
CREATE TABLE `assignment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`young_person_id` text NOT NULL,
	`adviser_id` text NOT NULL,
	`kind` text DEFAULT 'primary' NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text,
	`reason` text,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`adviser_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assignment_adviser_idx` ON `assignment` (`adviser_id`,`ends_on`);--> statement-breakpoint
CREATE INDEX `assignment_young_person_idx` ON `assignment` (`young_person_id`,`ends_on`);--> statement-breakpoint
CREATE TABLE `young_person` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text,
	`full_name` text NOT NULL,
	`preferred_name` text NOT NULL,
	`date_of_birth` text NOT NULL,
	`legal_status` text NOT NULL,
	`weeks_looked_after_since_14` integer,
	`looked_after_on_16th_birthday` integer,
	`left_care_on` text,
	`uasc` integer DEFAULT false NOT NULL,
	`parent` integer DEFAULT false NOT NULL,
	`staying_put` integer DEFAULT false NOT NULL,
	`activity` text,
	`activity_started_on` text,
	`languages` text DEFAULT '[]' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `young_person_user_id_unique` ON `young_person` (`user_id`);--> statement-breakpoint
CREATE INDEX `young_person_dob_idx` ON `young_person` (`date_of_birth`);--> statement-breakpoint
CREATE TABLE `pa_contact` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`young_person_id` text NOT NULL,
	`adviser_id` text NOT NULL,
	`occurred_on` text NOT NULL,
	`method` text NOT NULL,
	`in_touch` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`restricted` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`adviser_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pa_contact_young_person_idx` ON `pa_contact` (`young_person_id`,`occurred_on`);--> statement-breakpoint
CREATE TABLE `audit_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`actor_role` text,
	`action` text NOT NULL,
	`subject_type` text,
	`subject_id` text,
	`outcome` text NOT NULL,
	`request_id` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_subject_idx` ON `audit_event` (`subject_type`,`subject_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_actor_idx` ON `audit_event` (`actor_id`,`at`);