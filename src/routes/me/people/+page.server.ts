import { auditYoungPerson } from '$lib/server/audit';
import { ownRecord } from '$lib/server/housing/guard';
import { addTrustedAdult, removeTrustedAdult, setShares } from '$lib/server/mentoring/people';
import { ownContext } from '$lib/server/privacy/own-context';
import { OWN_VIEW } from '$lib/server/privacy/own-view';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

// "My people": their PA, their mentors and befrienders, and the trusted adults they add themselves.
export const load: PageServerLoad = (event) => {
	// OWN_VIEW.people: the same reader "Download my data" uses.
	return OWN_VIEW.people(ownContext(event).ctx);
};

const text = (form: FormData, key: string, max: number) => String(form.get(key) ?? '').slice(0, max);

export const actions: Actions = {
	addAdult: async (event) => {
		const { actor, db, person } = ownRecord(event, 'home.view');
		const form = await event.request.formData();
		const values = { name: text(form, 'name', 200), relationship: text(form, 'relationship', 200), contact: text(form, 'contact', 300) };
		const errors: Record<string, string> = {};
		if (!values.name.trim()) errors.name = 'adult_name_missing';
		else if (values.name.trim().length > 100) errors.name = 'name_too_long';
		if (!values.relationship.trim()) errors.relationship = 'adult_relationship_missing';
		else if (values.relationship.trim().length > 100) errors.relationship = 'name_too_long';
		if (values.contact.trim().length > 200) errors.contact = 'item_too_long';
		if (Object.keys(errors).length > 0) {
			auditYoungPerson(db, event, actor, 'people.add_trusted_adult', 'invalid', person.id);
			return fail(400, { form: 'addAdult', values, errors });
		}
		addTrustedAdult(db, person.id, { name: values.name.trim(), relationship: values.relationship.trim(), contact: values.contact.trim() });
		auditYoungPerson(db, event, actor, 'people.add_trusted_adult', 'allowed', person.id);
		return { saved: 'adult' };
	},

	removeAdult: async (event) => {
		const { actor, db, person } = ownRecord(event, 'home.view');
		const raw = text(await event.request.formData(), 'adult', 12);
		if (!/^\d{1,12}$/.test(raw)) return fail(400, { form: 'removeAdult', errors: { adult: 'invalid' } });
		// Another person's entry is unknown here.
		if (!removeTrustedAdult(db, person.id, Number(raw))) error(404, 'not_found');
		auditYoungPerson(db, event, actor, 'people.remove_trusted_adult', 'allowed', person.id);
		return { saved: 'removed' };
	},

	/** What one mentor may see: the young person decides, field by field. */
	shares: async (event) => {
		const { actor, db, person } = ownRecord(event, 'home.view');
		const form = await event.request.formData();
		const match = text(form, 'match', 16);
		if (!/^[a-z2-7]{16}$/.test(match)) return fail(400, { form: 'shares', errors: { match: 'invalid' } });
		if (!setShares(db, person.id, match, form.getAll('share').map(String))) error(404, 'not_found');
		auditYoungPerson(db, event, actor, 'people.sharing', 'allowed', person.id);
		return { saved: 'shares' };
	}
};
