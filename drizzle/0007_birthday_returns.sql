CREATE TABLE `birthday_return` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`young_person_id` text NOT NULL,
	`age` integer NOT NULL,
	`reporting_year` integer NOT NULL,
	`in_touch` text NOT NULL,
	`activity` text NOT NULL,
	`accommodation` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `birthday_return_person_age_idx` ON `birthday_return` (`young_person_id`,`age`);--> statement-breakpoint
CREATE INDEX `birthday_return_year_idx` ON `birthday_return` (`reporting_year`);