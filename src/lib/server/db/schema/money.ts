import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { youngPerson } from './people';
import { user } from './users';

/**
 * The council's local offer (s2 CSWA 2017): items a manager writes. Each edit is a new row with
 * the next `version` of the same `offerId`; old versions are never changed, so a claim made
 * against version 2 still shows what version 2 said.
 */
export const localOfferVersion = sqliteTable(
	'local_offer_version',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		offerId: text('offer_id').notNull(),
		version: integer('version').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull(),
		howToGet: text('how_to_get').notNull().default(''),
		conditions: text('conditions').notNull().default(''),
		amountPence: integer('amount_pence'),
		minAge: integer('min_age').notNull().default(16),
		/** The birthday on which it stops (25 means up to the day before the 25th birthday). */
		maxAge: integer('max_age').notNull().default(25),
		effectiveFrom: text('effective_from').notNull(),
		effectiveTo: text('effective_to'),
		withdrawn: integer('withdrawn', { mode: 'boolean' }).notNull().default(false),
		createdBy: text('created_by')
			.notNull()
			.references(() => user.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('local_offer_version_idx').on(t.offerId, t.version)]
);

export const CLAIM_STATES = ['not_started', 'asked', 'in_progress', 'approved', 'paid', 'part_paid', 'declined'] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

/**
 * One claim per young person per entitlement (a catalogue id such as `setting_up_home`, or
 * `local:<offerId>`), with where it has got to. Every change is also a `claim_event`.
 */
export const claim = sqliteTable(
	'claim',
	{
		id: text('id').primaryKey(),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => youngPerson.id),
		entitlement: text('entitlement').notNull(),
		/** For a local offer item: the version the claim was made against. */
		localOfferVersionId: integer('local_offer_version_id').references(() => localOfferVersion.id),
		state: text('state', { enum: CLAIM_STATES }).notNull(),
		declineReason: text('decline_reason'),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('claim_person_entitlement_idx').on(t.youngPersonId, t.entitlement)]
);

/** The story of a claim: each step, who took it and when. Append-only. */
export const claimEvent = sqliteTable(
	'claim_event',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		claimId: text('claim_id')
			.notNull()
			.references(() => claim.id),
		state: text('state', { enum: CLAIM_STATES }).notNull(),
		note: text('note').notNull().default(''),
		actorId: text('actor_id')
			.notNull()
			.references(() => user.id),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('claim_event_claim_idx').on(t.claimId, t.at)]
);

/** `confirming`: the PA agreed an ask above the approval limit; a manager has still to confirm it. */
export const MONEY_REQUEST_STATES = ['asked', 'confirming', 'approved', 'declined', 'paid'] as const;
export type MoneyRequestState = (typeof MONEY_REQUEST_STATES)[number];

/** "£240 of my setting up home allowance for a bed": asked by the young person, decided by their PA. */
export const moneyRequest = sqliteTable(
	'money_request',
	{
		id: text('id').primaryKey(),
		claimId: text('claim_id')
			.notNull()
			.references(() => claim.id),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => youngPerson.id),
		pence: integer('pence').notNull(),
		item: text('item').notNull(),
		state: text('state', { enum: MONEY_REQUEST_STATES }).notNull(),
		askedBy: text('asked_by')
			.notNull()
			.references(() => user.id),
		askedAt: integer('asked_at', { mode: 'timestamp_ms' }).notNull(),
		decidedBy: text('decided_by').references(() => user.id),
		decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
		declineReason: text('decline_reason'),
		paidBy: text('paid_by').references(() => user.id),
		paidAt: integer('paid_at', { mode: 'timestamp_ms' }),
		/** The manager who confirmed an agreement above the approval limit (the second person). */
		confirmedBy: text('confirmed_by').references(() => user.id),
		confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('money_request_person_idx').on(t.youngPersonId, t.state)]
);

export const LEDGER_KINDS = ['allowance', 'spend', 'correction'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/**
 * The money ledger, in integer pence, one pot per young person and entitlement. `allowance`
 * puts the entitlement's amount in; `spend` is money paid out to or for the young person;
 * `correction` is a signed fix that points at the entry it corrects. Append-only (triggers in
 * the migration): nothing is edited or deleted. `key` makes a write happen once: paying the
 * same request twice hits the unique key instead of paying twice.
 */
export const ledgerEntry = sqliteTable(
	'ledger_entry',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => youngPerson.id),
		entitlement: text('entitlement').notNull(),
		kind: text('kind', { enum: LEDGER_KINDS }).notNull(),
		pence: integer('pence').notNull(),
		item: text('item').notNull(),
		occurredOn: text('occurred_on').notNull(),
		key: text('key').notNull().unique(),
		requestId: text('request_id').references(() => moneyRequest.id),
		correctsId: integer('corrects_id'),
		overrideReason: text('override_reason'),
		createdBy: text('created_by')
			.notNull()
			.references(() => user.id),
		/** The second person: the manager who confirmed it, or (for a paid ask) the PA who agreed the ask. */
		approvedBy: text('approved_by').references(() => user.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('ledger_entry_person_idx').on(t.youngPersonId, t.entitlement, t.id)]
);

/**
 * Every money write (ask, decide, pay, correct, confirm, local-offer edit, limit, cost codes) is
 * counted once by the operation id its form carried. `fingerprint` is a hash of what was asked
 * for: the same id sent again with the same content gets the first answer back; with different
 * content it is refused (409) and nothing is written.
 */
export const moneyOperation = sqliteTable('money_operation', {
	operationId: text('operation_id').primaryKey(),
	kind: text('kind').notNull(),
	fingerprint: text('fingerprint').notNull(),
	/** What the first write made, as JSON (a request id, an entry id, a pending id...). */
	result: text('result').notNull(),
	actorId: text('actor_id')
		.notNull()
		.references(() => user.id),
	at: integer('at', { mode: 'timestamp_ms' }).notNull()
});

export const PENDING_KINDS = ['decide', 'pay', 'correct'] as const;
export const PENDING_STATES = ['waiting', 'confirmed', 'refused'] as const;

/**
 * Money that waits for a second person (a manager) before it moves: a decision or payment above
 * the approval limit, or any override that takes a pot below zero. Nothing is in the ledger until
 * a manager who is neither the one who recorded it nor the one who agreed the ask confirms it.
 */
export const moneyPending = sqliteTable(
	'money_pending',
	{
		id: text('id').primaryKey(),
		kind: text('kind', { enum: PENDING_KINDS }).notNull(),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => youngPerson.id),
		entitlement: text('entitlement').notNull(),
		requestId: text('request_id').references(() => moneyRequest.id),
		correctsId: integer('corrects_id'),
		pence: integer('pence').notNull(),
		item: text('item').notNull(),
		occurredOn: text('occurred_on').notNull(),
		overrideReason: text('override_reason'),
		/** The allowance to open the pot with if it is not open yet when confirmed. */
		allowancePence: integer('allowance_pence'),
		why: text('why', { enum: ['over_limit', 'override'] }).notNull(),
		limitPence: integer('limit_pence').notNull(),
		state: text('state', { enum: PENDING_STATES }).notNull(),
		requestedBy: text('requested_by')
			.notNull()
			.references(() => user.id),
		requestedAt: integer('requested_at', { mode: 'timestamp_ms' }).notNull(),
		decidedBy: text('decided_by').references(() => user.id),
		decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
		refuseReason: text('refuse_reason'),
		entryId: integer('entry_id')
	},
	(t) => [index('money_pending_state_idx').on(t.state, t.requestedAt), index('money_pending_person_idx').on(t.youngPersonId, t.state)]
);

/** The approval limit, versioned like the local offer: each change is a new row (who and when). */
export const approvalLimitVersion = sqliteTable('approval_limit_version', {
	version: integer('version').primaryKey(),
	limitPence: integer('limit_pence').notNull(),
	createdBy: text('created_by')
		.notNull()
		.references(() => user.id),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
});

/** The council's finance cost code for a catalogue entitlement or a local offer item (`local:<offerId>`); the newest row wins. */
export const costCodeVersion = sqliteTable(
	'cost_code_version',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		entitlement: text('entitlement').notNull(),
		code: text('code').notNull(),
		createdBy: text('created_by')
			.notNull()
			.references(() => user.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('cost_code_entitlement_idx').on(t.entitlement, t.id)]
);

/** Reminders already sent, so the daily job never sends the same one twice. */
export const reminderSent = sqliteTable('reminder_sent', {
	key: text('key').primaryKey(),
	userId: text('user_id')
		.notNull()
		.references(() => user.id),
	sentOn: text('sent_on').notNull()
});

export type LocalOfferVersion = typeof localOfferVersion.$inferSelect;
export type Claim = typeof claim.$inferSelect;
export type MoneyRequest = typeof moneyRequest.$inferSelect;
export type LedgerEntryRow = typeof ledgerEntry.$inferSelect;
export type MoneyPending = typeof moneyPending.$inferSelect;
