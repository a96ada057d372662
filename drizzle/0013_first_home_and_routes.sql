ALTER TABLE `young_person` ADD `left_care_route` text;--> statement-breakpoint
ALTER TABLE `young_person` ADD `moved_into_first_home_on` text;--> statement-breakpoint
ALTER TABLE `young_person` ADD `needs_assessment_completed_on` text;