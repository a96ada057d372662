import { z } from 'zod';
import type { IsoDate } from '../../domain/dates';
import { checkbox, choice, date, text } from '../../domain/fields';
import { CONTACT_METHODS } from '../db/schema';

/** The forms on a young person's record that keep track of them (issue 14: one schema per form, here). */

type Bounds = { today: IsoDate; dateOfBirth: IsoDate };

/** A pathway plan review held, or one the young person asked for; the day defaults to today. */
export const pathwayForm = ({ today, dateOfBirth }: Bounds) =>
	z.object({
		kind: choice(['review', 'request'], 'pathway_kind_missing'),
		on: date({ notAfter: today, notBefore: dateOfBirth })
	});

/** A PA's written record of a contact: a real day, not in the future nor before they were born. */
export const paContactForm = ({ today, dateOfBirth }: Bounds) =>
	z.object({
		on: date({ notAfter: today, notBefore: dateOfBirth }),
		method: choice(CONTACT_METHODS, 'contact_method_missing'),
		inTouch: choice(['yes', 'no'], 'in_touch_missing'),
		note: text({ max: 2000 }),
		restricted: checkbox
	});

/** The DfE birthday return; its codes and rules 133, 344 and 345 are checked by `recordReturn`. */
export const birthdayReturnForm = z.object({
	inTouch: text({ max: 10 }),
	activity: text({ max: 10 }),
	accommodation: text({ max: 10 }).transform((code) => code.toUpperCase())
});
