import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Role } from '../../domain/roles';
import type { Db } from '../db/client';
import { invitation, youngPerson, type Invitation } from '../db/schema';
import { newId } from '../ids';
import { generateSessionToken, sessionIdFromToken } from './session';

export const INVITATION_DAYS = 7;

export interface NewInvitation {
	purpose: 'join' | 'recovery';
	role: Role;
	displayName: string;
	email?: string | null;
	youngPersonId?: string | null;
	userId?: string | null;
	invitedBy: string;
	delivery?: 'email' | 'in_person' | null;
}

/** Makes a one-time link token; only its hash is stored. Returns the token to show once. */
export function createInvitation(db: Db, input: NewInvitation, now = new Date()): { token: string; invitation: Invitation } {
	const token = generateSessionToken();
	const row: Invitation = {
		id: newId(),
		tokenHash: sessionIdFromToken(token),
		purpose: input.purpose,
		role: input.role,
		displayName: input.displayName,
		email: input.email ?? null,
		youngPersonId: input.youngPersonId ?? null,
		userId: input.userId ?? null,
		invitedBy: input.invitedBy,
		createdAt: now,
		expiresAt: new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60_000),
		usedAt: null,
		revokedAt: null,
		usedBy: null,
		delivery: input.delivery ?? null,
		undoTokenHash: null,
		undoneAt: null,
		previousPasswordHash: null
	};
	db.insert(invitation).values(row).run();
	return { token, invitation: row };
}

export type InvitationState = 'valid' | 'expired' | 'used' | 'revoked' | 'unknown';

export function lookUpInvitation(db: Db, token: string, now = new Date()): { state: InvitationState; invitation?: Invitation } {
	if (!/^[a-z2-7]{32}$/.test(token)) return { state: 'unknown' };
	const row = db.select().from(invitation).where(eq(invitation.tokenHash, sessionIdFromToken(token))).get();
	if (!row) return { state: 'unknown' };
	if (row.revokedAt) return { state: 'revoked', invitation: row };
	if (row.usedAt) return { state: 'used', invitation: row };
	if (row.expiresAt.getTime() <= now.getTime()) return { state: 'expired', invitation: row };
	// A join link for a record that already has an account can never be used (finding 12.1).
	if (row.purpose === 'join' && row.youngPersonId) {
		const linked = db.select({ userId: youngPerson.userId }).from(youngPerson).where(eq(youngPerson.id, row.youngPersonId)).get();
		if (linked?.userId) return { state: 'revoked', invitation: row };
	}
	return { state: 'valid', invitation: row };
}

/** Marks the invitation used; false if someone else used (or revoked) it first. Call inside the account-creating transaction. */
export function consumeInvitation(db: Db, id: string, now = new Date()): boolean {
	const result = db
		.update(invitation)
		.set({ usedAt: now })
		.where(and(eq(invitation.id, id), isNull(invitation.usedAt), isNull(invitation.revokedAt)))
		.run();
	return result.changes === 1;
}

export function revokeInvitation(db: Db, id: string, now = new Date()): boolean {
	const result = db
		.update(invitation)
		.set({ revokedAt: now })
		.where(and(eq(invitation.id, id), isNull(invitation.usedAt), isNull(invitation.revokedAt)))
		.run();
	return result.changes === 1;
}

export function listOpenInvitations(db: Db, filter: { invitedBy?: string; youngPersonId?: string } = {}, now = new Date()) {
	const rows = db
		.select()
		.from(invitation)
		.where(
			and(
				isNull(invitation.usedAt),
				isNull(invitation.revokedAt),
				filter.invitedBy ? eq(invitation.invitedBy, filter.invitedBy) : undefined,
				filter.youngPersonId ? eq(invitation.youngPersonId, filter.youngPersonId) : undefined
			)
		)
		.orderBy(desc(invitation.createdAt))
		.all();
	return rows.filter((r) => r.expiresAt.getTime() > now.getTime());
}
