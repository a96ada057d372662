import type { Sqlite } from '../db/client';

/**
 * Subject access (UK GDPR Art. 15): every row in every table that refers to a person. Each table
 * says how it refers to a person, or why it is left out; a test walks the live schema so a new
 * table without an entry here fails the build.
 *
 * This full copy is never handed out as it is (issue 12, finding 2): it holds what a young person's
 * own pages hide, and other people's words. It is the starting point of a reviewed export
 * (reviewed.ts), which a manager prepares, redacts and releases. "Download my data" is self-service.ts.
 */
type Link =
	| {
			byUser?: string[];
			byYoungPerson?: string[];
			/** Rows whose `column` names a row of `parent` that belongs to the young person (a flag's steps). */
			byParent?: { column: string; parent: string }[];
			redact?: string[];
	  }
	| { excluded: string };

export const SUBJECT_LINKS: Record<string, Link> = {
	user: { byUser: ['id'], redact: ['password_hash'] },
	session: { byUser: ['user_id'], redact: ['id'] },
	young_person: { byYoungPerson: ['id'] },
	assignment: { byYoungPerson: ['young_person_id'], byUser: ['adviser_id', 'created_by'] },
	pa_contact: { byYoungPerson: ['young_person_id'], byUser: ['adviser_id'] },
	audit_event: { byUser: ['actor_id'], byYoungPerson: ['subject_id'], redact: ['prev_hash', 'hash'] },
	passkey: { byUser: ['user_id'], redact: ['public_key'] },
	invitation: { byUser: ['user_id', 'invited_by'], byYoungPerson: ['young_person_id'], redact: ['token_hash'] },
	notification: { byUser: ['user_id'] },
	push_subscription: { byUser: ['user_id'], redact: ['session_id', 'p256dh', 'auth'] },
	local_offer_version: { excluded: 'The council\'s published local offer: the same for everyone, not about a person.' },
	claim: { byYoungPerson: ['young_person_id'] },
	claim_event: { byUser: ['actor_id'], byParent: [{ column: 'claim_id', parent: 'claim' }] },
	money_request: { byYoungPerson: ['young_person_id'], byUser: ['asked_by', 'decided_by', 'paid_by', 'confirmed_by'] },
	ledger_entry: { byYoungPerson: ['young_person_id'], byUser: ['created_by', 'approved_by'] },
	money_pending: { byYoungPerson: ['young_person_id'], byUser: ['requested_by', 'decided_by'] },
	money_operation: { excluded: 'A record that a form was already counted (operation id, a hash of what it asked, and what it made): the write itself is in the tables above.' },
	approval_limit_version: { excluded: 'The council\'s approval limit: a setting, the same for everyone, not about a person (who changed it is in the audit trail).' },
	cost_code_version: { excluded: 'The council\'s finance cost codes: a setting, not about a person (who changed them is in the audit trail).' },
	reminder_sent: { byUser: ['user_id'] },
	housing_flag: { byYoungPerson: ['young_person_id'], byUser: ['raised_by', 'acknowledged_by', 'resolved_by'] },
	housing_flag_event: { byUser: ['actor_id'], byParent: [{ column: 'flag_id', parent: 'housing_flag' }] },
	duty_to_refer: { byYoungPerson: ['young_person_id'], byUser: ['recorded_by'] },
	accommodation_stay: { byYoungPerson: ['young_person_id'], byUser: ['recorded_by'] },
	escalation: { byYoungPerson: ['young_person_id'] },
	mentor_match: { byYoungPerson: ['young_person_id'], byUser: ['mentor_id'] },
	mentor_profile: { byUser: ['user_id'] },
	match_request: { byYoungPerson: ['young_person_id'] },
	contact_log: { byYoungPerson: ['young_person_id'], byUser: ['mentor_id'] },
	concern: { byYoungPerson: ['young_person_id'], byUser: ['raised_by', 'acknowledged_by'] },
	trusted_adult: { byYoungPerson: ['young_person_id'] },
	check_in: { byYoungPerson: ['young_person_id'], byUser: ['user_id'] },
	birthday_return: { byYoungPerson: ['young_person_id'], byUser: ['recorded_by'] },
	pathway_review: { byYoungPerson: ['young_person_id'], byUser: ['recorded_by'] },
	webauthn_challenge: { excluded: 'A sign-in challenge: random bytes, deleted when used or within five minutes.' },
	subject_access_request: { byYoungPerson: ['young_person_id'], byUser: ['requested_by'], redact: ['prepared', 'released'] },
	subject_access_redaction: { excluded: "The reviewer's record of what was withheld from a reviewed copy and why; the copy itself marks each place something was withheld." },
	throttle: { excluded: 'Sign-in attempt counts, keyed by a one-way hash of an email or by network address; nothing that identifies a person.' }
};

export function schemaTables(sqlite: Sqlite): string[] {
	return sqlite
		.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name`)
		.pluck()
		.all() as string[];
}

export interface SubjectExport {
	generatedAt: string;
	subject: { userId: string | null; youngPersonId: string | null };
	tables: Record<string, Record<string, unknown>[]>;
	excluded: Record<string, string>;
}

export function exportSubject(sqlite: Sqlite, subject: { userId: string | null; youngPersonId: string | null }, now = new Date()): SubjectExport {
	const tables: SubjectExport['tables'] = {};
	const excluded: SubjectExport['excluded'] = {};
	for (const table of schemaTables(sqlite)) {
		const link = SUBJECT_LINKS[table];
		if (!link) throw new Error(`No subject-access rule for table ${table}`);
		if ('excluded' in link) {
			excluded[table] = link.excluded;
			continue;
		}
		const clauses: string[] = [];
		const params: string[] = [];
		for (const column of subject.userId ? (link.byUser ?? []) : []) {
			clauses.push(`"${column}" = ?`);
			params.push(subject.userId as string);
		}
		for (const column of subject.youngPersonId ? (link.byYoungPerson ?? []) : []) {
			clauses.push(`"${column}" = ?`);
			params.push(subject.youngPersonId as string);
		}
		for (const { column, parent } of subject.youngPersonId ? (link.byParent ?? []) : []) {
			clauses.push(`"${column}" in (select id from "${parent}" where young_person_id = ?)`);
			params.push(subject.youngPersonId as string);
		}
		if (clauses.length === 0) {
			tables[table] = [];
			continue;
		}
		const rows = sqlite.prepare(`select * from "${table}" where ${clauses.join(' or ')}`).all(...params) as Record<string, unknown>[];
		tables[table] = rows.map((row) => {
			const copy: Record<string, unknown> = { ...row };
			for (const column of link.redact ?? []) if (column in copy && copy[column] !== null) copy[column] = '[withheld: a security value, not information about you]';
			return copy;
		});
	}
	return { generatedAt: now.toISOString(), subject, tables, excluded };
}

/**
 * What a reviewer reads before releasing a reviewed copy: free text written by someone else, or
 * hidden from the young person's own pages, or naming other people. Each can be withheld with a
 * reason; anything not withheld is released.
 */
export const REVIEW_COLUMNS: Record<string, string[]> = {
	pa_contact: ['note'],
	concern: ['text', 'pa_action'],
	contact_log: ['note'],
	housing_flag: ['note', 'resolution'],
	housing_flag_event: ['note'],
	claim_event: ['note'],
	mentor_match: ['closing_note'],
	accommodation_stay: ['note'],
	trusted_adult: ['name', 'contact'],
	assignment: ['reason'],
	money_request: ['decline_reason'],
	claim: ['decline_reason'],
	ledger_entry: ['override_reason'],
	check_in: ['words']
};

/** A row's key within its table in an export (its id, or the key it is stored under). */
export function rowKey(row: Record<string, unknown>, index: number): string {
	const key = row.id ?? row.key ?? row.user_id;
	return key === undefined || key === null ? `#${index}` : String(key);
}
