import { auditYoungPerson } from '$lib/server/audit';
import { ownRecord } from '$lib/server/housing/guard';
import { askForMentor } from '$lib/server/mentoring/people';
import { ownContext } from '$lib/server/privacy/own-context';
import { OWN_VIEW } from '$lib/server/privacy/own-view';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { person, ctx } = ownContext(event);
	// Their own open request (OWN_VIEW.mentorRequest, also in "Download my data"), else a blank form.
	const { request } = OWN_VIEW.mentorRequest(ctx);
	return {
		request,
		values: request ?? { kind: '', interests: '', languages: person.languages.join(', '), genderPreference: 'any', area: '', frequency: 'fortnightly' }
	};
};

const list = (s: string) => [...new Set(s.split(/[,;\n]/).map((x) => x.trim()).filter(Boolean))].slice(0, 12);
const Ask = z.object({
	kind: z.enum(['mentor', 'befriender', 'either']),
	interests: z.string().max(500),
	languages: z.string().max(300),
	genderPreference: z.enum(['any', 'female', 'male', 'non_binary']),
	area: z.string().max(20),
	frequency: z.enum(['weekly', 'fortnightly', 'monthly'])
});

export const actions: Actions = {
	default: async (event) => {
		const { actor, db, person } = ownRecord(event, 'home.view');
		const raw = Object.fromEntries(await event.request.formData());
		const values = { kind: '', interests: '', languages: '', genderPreference: 'any', area: '', frequency: 'fortnightly', ...Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v).slice(0, 500)])) };
		const parsed = Ask.safeParse(values);
		const errors: Record<string, string> = {};
		if (!parsed.success) {
			for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.path[0] === 'kind' ? 'mentor_kind_missing' : issue.path[0] === 'area' ? 'area_too_long' : 'invalid';
		}
		if (!parsed.success) {
			auditYoungPerson(db, event, actor, 'people.ask_mentor', 'invalid', person.id);
			return fail(400, { values, errors });
		}
		const d = parsed.data;
		askForMentor(db, person.id, { kind: d.kind, interests: list(d.interests), languages: list(d.languages), genderPreference: d.genderPreference, area: d.area.trim().toUpperCase(), frequency: d.frequency });
		auditYoungPerson(db, event, actor, 'people.ask_mentor', 'allowed', person.id);
		redirect(303, '/me/people');
	}
};
