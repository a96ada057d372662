DROP INDEX `assignment_adviser_idx`;--> statement-breakpoint
CREATE INDEX `assignment_adviser_idx` ON `assignment` (`adviser_id`,`ends_on`,`kind`,`starts_on`);--> statement-breakpoint
CREATE INDEX `young_person_status_idx` ON `young_person` (`legal_status`);