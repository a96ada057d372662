CREATE INDEX `contact_log_person_idx` ON `contact_log` (`young_person_id`,`occurred_on`);--> statement-breakpoint
CREATE INDEX `contact_log_mentor_idx` ON `contact_log` (`mentor_id`,`occurred_on`);