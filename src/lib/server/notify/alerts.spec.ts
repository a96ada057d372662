import { describe, expect, it } from 'vitest';
import { ROLES } from '../db/schema/users';
import { linkFor, pushFor } from './alerts';
import { NOTIFICATION_KINDS } from './in-app';

const YP = 'abcdefghijklmnop';
const FLAG = 'qrstuvwxyz234567';
// Everything a notification's data may carry, including a name: none of it may reach a lock screen.
const DATA = { youngPersonId: YP, flagId: FLAG, concernId: FLAG, matchId: FLAG, name: 'Amira', kind: 'not_safe', urgency: 'urgent', grade: 'urgent', entitlement: 'setting_up_home', date: '2026-12-01', decision: 'declined' };

describe('what a push says', () => {
	it('names nobody and tells nothing of the case, for every kind', () => {
		for (const kind of NOTIFICATION_KINDS) {
			const message = pushFor(kind, DATA);
			if (!message) continue;
			expect(`${message.title} ${message.body}`, kind).not.toMatch(/Amira|not_safe|setting_up_home|declined|2026/);
			expect(message.url, kind).toMatch(/^\/[a-z]/);
		}
	});

	it('pushes the urgent things to staff at high urgency, and replies and reminders to the young person', () => {
		expect(pushFor('housing.flag_raised', { ...DATA, urgency: 'urgent' })).toMatchObject({ urgent: true, url: `/caseload/${YP}/housing/${FLAG}` });
		expect(pushFor('housing.flag_raised', { ...DATA, urgency: 'soon' })?.urgent).toBeUndefined();
		expect(pushFor('concern.raised', { ...DATA, grade: 'worry' })).toMatchObject({ title: 'A mentor has raised a concern', url: `/caseload/${YP}#concerns` });
		expect(pushFor('housing.escalated', DATA)?.urgent).toBe(true);
		expect(pushFor('concern.escalated', DATA)?.urgent).toBe(true);
		expect(pushFor('housing.flag_acknowledged', DATA)).toMatchObject({ url: `/me/housing/${FLAG}` });
		expect(pushFor('money.paid', DATA)).toMatchObject({ url: '/me/money' });
		expect(pushFor('entitlement.lapsing', DATA)).toMatchObject({ title: 'A reminder from Harbour', url: '/me/entitlements' });
		// Account changes and vetting tasks: in the app only.
		expect(pushFor('sign_in_method.password_set', DATA)).toBeNull();
		expect(pushFor('vetting.lapses', DATA)).toBeNull();
	});
});

describe('where a notification leads', () => {
	it("links staff to the record and a young person to their own pages, never the other's", () => {
		expect(linkFor('housing.flag_raised', DATA, 'adviser')).toBe(`/caseload/${YP}/housing/${FLAG}`);
		expect(linkFor('housing.flag_raised', DATA, 'young_person')).toBeNull();
		expect(linkFor('housing.flag_raised', DATA, 'mentor')).toBeNull();
		expect(linkFor('housing.flag_updated', DATA, 'adviser')).toBeNull();
		expect(linkFor('vetting.lapses', DATA, 'manager')).toBe(`/manage/mentoring/matches/${FLAG}`);
		expect(linkFor('money.decided', DATA, 'young_person')).toBe('/me/money');
	});

	it('builds no link from an id that is not one of ours', () => {
		for (const role of ROLES) {
			expect(linkFor('housing.flag_raised', { youngPersonId: '../../admin', flagId: FLAG }, role)).toBeNull();
			expect(linkFor('housing.flag_acknowledged', { flagId: 'https://evil.example' }, role)).toBeNull();
		}
	});
});
