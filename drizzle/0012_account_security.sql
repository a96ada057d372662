ALTER TABLE `invitation` ADD `used_by` text REFERENCES user(id);--> statement-breakpoint
ALTER TABLE `invitation` ADD `delivery` text;--> statement-breakpoint
ALTER TABLE `invitation` ADD `undo_token_hash` text;--> statement-breakpoint
ALTER TABLE `invitation` ADD `undone_at` integer;--> statement-breakpoint
ALTER TABLE `invitation` ADD `previous_password_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `invitation_undo_token_hash_unique` ON `invitation` (`undo_token_hash`);--> statement-breakpoint
ALTER TABLE `passkey` ADD `suspended_by` text;--> statement-breakpoint
CREATE INDEX `webauthn_challenge_expires_idx` ON `webauthn_challenge` (`expires_at`);