import QRCode from 'qrcode';
import type { Role } from '../../domain/roles';
import { createInvitation } from '../auth/invitations';
import type { Db } from '../db/client';
import type { YoungPerson } from '../db/schema';

export interface IssuedInvitation {
	link: string;
	/** The link as a QR code (SVG markup made here, from our own link: safe to inline). */
	qrSvg: string;
	displayName: string;
	purpose: 'join' | 'recovery';
}

async function present(origin: string, token: string, displayName: string, purpose: 'join' | 'recovery'): Promise<IssuedInvitation> {
	const link = `${origin}/invite/${token}`;
	const qrSvg = await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
	return { link, qrSvg, displayName, purpose };
}

/** A young person's link into Harbour: to join, or (if they already have an account) to get back in. */
export async function inviteYoungPerson(db: Db, origin: string, person: Pick<YoungPerson, 'id' | 'userId' | 'preferredName'>, by: string): Promise<IssuedInvitation> {
	const purpose = person.userId ? 'recovery' : 'join';
	const { token } = createInvitation(db, {
		purpose,
		role: 'young_person',
		displayName: person.preferredName,
		youngPersonId: person.id,
		userId: person.userId,
		invitedBy: by
	});
	return present(origin, token, person.preferredName, purpose);
}

export async function inviteStaff(db: Db, origin: string, input: { role: Exclude<Role, 'young_person'>; displayName: string; email: string }, by: string): Promise<IssuedInvitation> {
	const { token } = createInvitation(db, { purpose: 'join', role: input.role, displayName: input.displayName, email: input.email.toLowerCase(), invitedBy: by });
	return present(origin, token, input.displayName, 'join');
}
