import { parseDateParts, londonDay } from '$lib/domain/dates';
import { checkCurrentUntil } from '$lib/domain/mentoring/vetting';
import { recordAudit } from '$lib/server/audit';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { DBS_LEVELS, mentorProfile, user } from '$lib/server/db/schema';
import { vettingOf } from '$lib/server/mentoring/matches';
import { error, fail } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';

function volunteer(userId: string) {
	const db = getDb();
	const person = db.select({ id: user.id, name: user.displayName }).from(user).where(and(eq(user.id, userId), eq(user.role, 'mentor'))).get();
	if (!person) error(404, 'not_found');
	return { db, person, profile: db.select().from(mentorProfile).where(eq(mentorProfile.userId, userId)).get() };
}
const parts = (d: string | null | undefined) => (d ? { day: String(Number(d.slice(8))), month: String(Number(d.slice(5, 7))), year: d.slice(0, 4) } : { day: '', month: '', year: '' });

export const load: PageServerLoad = (event) => {
	authorize(event, 'mentoring.coordinate');
	const { person, profile } = volunteer(event.params.userId);
	return {
		person,
		currentUntil: profile ? checkCurrentUntil(vettingOf(profile)) : null,
		today: londonDay(new Date()),
		values: {
			dbsLevel: profile?.dbsLevel ?? '',
			certificate: parts(profile?.certificateOn),
			updateService: parts(profile?.updateServiceCheckedOn),
			training: parts(profile?.trainingCompletedOn),
			references: String(profile?.referencesReceived ?? 0),
			capacity: String(profile?.capacity ?? 2)
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = authorize(event, 'mentoring.coordinate');
		const { db, person } = volunteer(event.params.userId);
		const form = await event.request.formData();
		const t = (k: string, n = 10) => String(form.get(k) ?? '').slice(0, n);
		const values = {
			dbsLevel: t('dbsLevel', 40),
			certificate: { day: t('certificate-day'), month: t('certificate-month'), year: t('certificate-year') },
			updateService: { day: t('updateService-day'), month: t('updateService-month'), year: t('updateService-year') },
			training: { day: t('training-day'), month: t('training-month'), year: t('training-year') },
			references: t('references', 3),
			capacity: t('capacity', 3)
		};
		const today = londonDay(new Date());
		const errors: Record<string, string> = {};
		if (!(DBS_LEVELS as readonly string[]).includes(values.dbsLevel)) errors.dbsLevel = 'dbs_level_missing';
		const date = (key: 'certificate' | 'updateService' | 'training', required: boolean) => {
			const p = values[key];
			if (!p.day && !p.month && !p.year) {
				if (required) errors[key] = 'date_missing';
				return null;
			}
			const parsed = parseDateParts(p);
			if (!parsed.ok) errors[key] = 'date_invalid';
			else if (parsed.date > today) errors[key] = 'date_future';
			return parsed.ok ? parsed.date : null;
		};
		const certificateOn = date('certificate', true);
		const updateServiceCheckedOn = date('updateService', false);
		const trainingCompletedOn = date('training', false);
		if (!/^\d{1,2}$/.test(values.references)) errors.references = 'whole_number';
		if (!/^\d{1,2}$/.test(values.capacity) || Number(values.capacity) > 10) errors.capacity = 'capacity_range';
		if (Object.keys(errors).length > 0) {
			recordAudit(db, { action: 'mentoring.vetting', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, subjectType: 'user', subjectId: person.id, requestId: event.locals.requestId });
			return fail(400, { values, errors });
		}
		const row = { dbsLevel: values.dbsLevel as (typeof DBS_LEVELS)[number], certificateOn, updateServiceCheckedOn, trainingCompletedOn, referencesReceived: Number(values.references), capacity: Number(values.capacity), updatedAt: new Date() };
		db.insert(mentorProfile).values({ userId: person.id, ...row }).onConflictDoUpdate({ target: mentorProfile.userId, set: row }).run();
		recordAudit(db, { action: 'mentoring.vetting', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, subjectType: 'user', subjectId: person.id, requestId: event.locals.requestId });
		return { saved: true };
	}
};
