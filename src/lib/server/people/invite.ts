import { z } from 'zod';
import { choice } from '../../domain/fields';
import QRCode from 'qrcode';
import { eq } from 'drizzle-orm';
import type { Role } from '../../domain/roles';
import { recordAudit } from '../audit';
import { cancelOtherInvitations } from '../auth/accounts';
import { createInvitation, INVITATION_DAYS } from '../auth/invitations';
import type { Db } from '../db/client';
import { user, type YoungPerson } from '../db/schema';
import { sendEmail } from '../notify/email';

export type IssuedInvitation =
	| {
			shown: true;
			link: string;
			/** The link as a QR code (SVG markup made here, from our own link: safe to inline). */
			qrSvg: string;
			displayName: string;
			purpose: 'join' | 'recovery';
			/** How many older links for this person stopped working because of this one (finding 12.1). */
			cancelled: number;
	  }
	| { shown: false; purpose: 'recovery'; displayName: string; sentTo: string; cancelled: number };

async function present(origin: string, token: string, displayName: string, purpose: 'join' | 'recovery', cancelled = 0): Promise<IssuedInvitation> {
	const link = `${origin}/invite/${token}`;
	const qrSvg = await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
	return { shown: true, link, qrSvg, displayName, purpose, cancelled };
}

/** "amira@example.org" → "a••••@example.org": enough for the PA to check it is the right address. */
export function maskEmail(email: string): string {
	const [local = '', domain = ''] = email.split('@');
	return `${local.slice(0, 1)}••••@${domain}`;
}

/** The masked email a recovery link would go to (null: none on the account, so in person only). */
export function recoveryEmailFor(db: Db, userId: string): string | null {
	const email = db.select({ email: user.email }).from(user).where(eq(user.id, userId)).get()?.email;
	return email ? maskEmail(email) : null;
}

export type RecoveryDelivery = 'email' | 'in_person';

/** How a recovery link reaches the young person: to their own email, or shown to hand over in person. */
export const recoveryForm = z.object({ delivery: choice(['email', 'in_person'], 'delivery_missing') });
type Staff = { id: string; role: Role };
type Ctx = { requestId?: string | null };

/**
 * A young person's first link into Harbour (finding 12.1): one live join link per person, so
 * making one cancels any older link, and the caller shows how many were cancelled.
 */
export async function inviteYoungPerson(db: Db, origin: string, person: Pick<YoungPerson, 'id' | 'userId' | 'preferredName'>, by: string): Promise<IssuedInvitation | { error: 'has_account' }> {
	if (person.userId) return { error: 'has_account' };
	const { token, cancelled } = db.transaction(
		(tx) => {
			const t = tx as unknown as Db;
			const cancelled = cancelOtherInvitations(t, person.id, null);
			const { token } = createInvitation(t, { purpose: 'join', role: 'young_person', displayName: person.preferredName, youngPersonId: person.id, invitedBy: by });
			return { token, cancelled };
		},
		{ behavior: 'immediate' }
	);
	return present(origin, token, person.preferredName, 'join', cancelled);
}

/**
 * A recovery link for a young person who has an account (finding 12.4). It must reach the young
 * person, not the member of staff: sent to the email address on their account (the staff member
 * never sees it), or handed over in person (shown once, on this page only, never stored). Text
 * messages are not sent yet (a later issue). Who made it is audited against the link's id; who
 * used it is audited against the same id when it is used.
 */
export async function makeRecoveryLink(
	db: Db,
	origin: string,
	person: Pick<YoungPerson, 'id' | 'userId' | 'preferredName'>,
	by: Staff,
	delivery: RecoveryDelivery,
	ctx: Ctx = {}
): Promise<IssuedInvitation | { error: 'no_account' | 'no_email' }> {
	if (!person.userId) return { error: 'no_account' };
	const account = db.select({ email: user.email }).from(user).where(eq(user.id, person.userId)).get();
	if (delivery === 'email' && !account?.email) return { error: 'no_email' };
	const { token, invitation, cancelled } = db.transaction(
		(tx) => {
			const t = tx as unknown as Db;
			const cancelled = cancelOtherInvitations(t, person.id, null);
			const made = createInvitation(t, { purpose: 'recovery', role: 'young_person', displayName: person.preferredName, youngPersonId: person.id, userId: person.userId, invitedBy: by.id, delivery });
			return { ...made, cancelled };
		},
		{ behavior: 'immediate' }
	);
	recordAudit(db, { action: `recovery.link_made.${delivery}`, outcome: 'allowed', actorId: by.id, actorRole: by.role, subjectType: 'invitation', subjectId: invitation.id, requestId: ctx.requestId ?? null });
	if (delivery === 'in_person') return present(origin, token, person.preferredName, 'recovery', cancelled);
	const to = account?.email ?? '';
	await sendEmail({
		to,
		subject: 'Your link to get back into Harbour',
		text: `Hello ${person.preferredName},\n\nYour personal adviser made you a link to get back into Harbour, because you asked for one. Open it on your own phone and choose a new way to sign in. It works once, for ${INVITATION_DAYS} days:\n\n${origin}/invite/${token}\n\nIf you did not ask for this, do not open the link. Tell your personal adviser or the leaving care team.`
	});
	return { shown: false, purpose: 'recovery', displayName: person.preferredName, sentTo: maskEmail(to), cancelled };
}

export async function inviteStaff(db: Db, origin: string, input: { role: Exclude<Role, 'young_person'>; displayName: string; email: string }, by: string): Promise<IssuedInvitation> {
	const { token } = createInvitation(db, { purpose: 'join', role: input.role, displayName: input.displayName, email: input.email.toLowerCase(), invitedBy: by });
	return present(origin, token, input.displayName, 'join');
}
