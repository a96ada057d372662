import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { user, type Invitation } from '../db/schema';
import { push, sendEmail } from '../notify/email';
import { dropDetachedSubscriptions, RECOVERY_UNDO_DAYS } from './accounts';

/**
 * Who may open a recovery link (finding 12.4): nobody signed in as someone else. A member of staff
 * (or another young person) opening it in their own browser is refused, so a recovery can never
 * sign in a staff member's browser as the young person.
 */
export function recoveryRefusedFor(signedIn: { id: string } | null | undefined, invitation: Pick<Invitation, 'purpose' | 'userId'>): boolean {
	return invitation.purpose === 'recovery' && Boolean(signedIn) && signedIn?.id !== invitation.userId;
}

/**
 * Tells the young person their sign-in was recovered, by every channel they have (finding 12.4):
 * the in-app notice (written with the recovery), an email to their own address, and a push to each
 * device that had alerts on, the lost ones included. The email and push carry the "this was not
 * me" link that undoes it within 7 days. Then the lost devices' alerts are dropped.
 */
export async function tellOfRecovery(db: Db, origin: string, userId: string, undoToken: string): Promise<{ email: 'sent' | 'not_configured' | 'failed' | 'no_address' }> {
	const account = db.select({ email: user.email, name: user.displayName }).from(user).where(eq(user.id, userId)).get();
	const undo = `${origin}/recovery/undo/${undoToken}`;
	let email: 'sent' | 'not_configured' | 'failed' | 'no_address' = 'no_address';
	if (account?.email) {
		email = await sendEmail({
			to: account.email,
			subject: 'Your Harbour sign-in was reset',
			text: `Hello ${account.name},\n\nSomeone used a recovery link to set up a new way into your Harbour account. Your old phone or browser was signed out.\n\nIf this was you, you do not need to do anything.\n\nIf this was NOT you, open this link within ${RECOVERY_UNDO_DAYS} days. It signs out whoever did it and gives you back your old way to sign in:\n\n${undo}\n\nThen tell your personal adviser or the leaving care team.`
		});
	}
	await push(userId, { title: 'Your Harbour sign-in was reset', body: 'If this was not you, open this to undo it.', url: `/recovery/undo/${undoToken}`, urgent: true });
	dropDetachedSubscriptions(db, userId);
	return { email };
}
