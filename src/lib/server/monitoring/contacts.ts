import type { IsoDate } from '../../domain/dates';
import type { CONTACT_METHODS } from '../db/schema';
import type { Db } from '../db/client';
import { paContact } from '../db/schema';

/** Keeps a PA's written record of a contact (the form is `paContactForm` in forms.ts). */
export function recordPaContact(db: Db, youngPersonId: string, adviserId: string, fields: { occurredOn: IsoDate; method: (typeof CONTACT_METHODS)[number]; inTouch: boolean; note: string; restricted: boolean }): void {
	db.insert(paContact).values({ youngPersonId, adviserId, ...fields }).run();
}
