CREATE TABLE `pathway_review` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`young_person_id` text NOT NULL,
	`kind` text NOT NULL,
	`on` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pathway_review_person_idx` ON `pathway_review` (`young_person_id`,`kind`,`on`);