import { formatPence } from '../../domain/money/pounds';
import type { IsoDate } from '../../domain/dates';
import { dateKindLabel, entitlementName, sourceName } from '../../i18n/money';
import { formatDay, formatWhen, roleTitle } from '../../i18n/format';
import { flagKindLabel, flagStatusLabel } from '../../i18n/housing';
import { m } from '../../paraglide/messages';
import { getLocale, getTextDirection } from '../../paraglide/runtime';
import type { OfflineSummary } from '../../pwa/store';
import type { Db } from '../db/client';
import type { YoungPerson } from '../db/schema';
import { flagsFor } from '../housing/flags';
import { myMentors, trustedAdults } from '../mentoring/people';
import { datesThatMatter, moneyPicture } from '../money/views';
import { getCurrentAdvisers } from './queries';

/**
 * The young person's own summary for reading without signal (issue 8), already in their words
 * and language, so the device only has to show it. The minimum, per security.md §3.3: what they
 * can get, what money is left, the dates ahead, how to reach their people, and the status of
 * their worries about home. No case notes, no concerns, nothing about anyone else's record.
 */
export function offlineCopy(db: Db, userId: string, person: YoungPerson, today: IsoDate, now = new Date()): OfflineSummary {
	const picture = moneyPicture(db, person, today);
	const local = picture.local;
	const dates = datesThatMatter(picture.outcomes, local, person.dateOfBirth, today).filter((d) => d.date >= today).slice(0, 6);
	const flags = flagsFor(db, person.id).filter((f) => f.status !== 'resolved');
	const none = m.offline_summary_none();
	const locale = getLocale();
	return {
		userId,
		savedAt: now.getTime(),
		lang: locale,
		dir: getTextDirection(locale) === 'rtl' ? 'rtl' : 'ltr',
		title: person.preferredName,
		savedAtText: m.offline_summary_saved({ when: formatWhen(now) }),
		sections: [
			{
				heading: m.offline_summary_money(),
				items: picture.money.filter((s) => s.state === 'eligible_now' || s.entries.length > 0).map((s) => ({ label: sourceName(s), detail: m.offline_summary_left({ amount: formatPence(s.leftPence) }) })),
				empty: none
			},
			{
				heading: m.offline_summary_can_get(),
				items: picture.outcomes.filter((o) => o.state === 'eligible_now').map((o) => ({ label: entitlementName(o.id), detail: o.amountPence ? formatPence(o.amountPence) : '' })),
				empty: none
			},
			{
				heading: m.offline_summary_dates(),
				items: dates.map((d) => ({ label: formatDay(d.date), detail: `${dateKindLabel(d.kind)}${d.entitlement ? `: ${entitlementName(d.entitlement)}` : d.title ? `: ${d.title}` : ''}` })),
				empty: none
			},
			{
				heading: m.offline_summary_people(),
				items: [
					...getCurrentAdvisers(db, person.id, today).map((a) => ({ label: a.name, detail: [roleTitle('adviser'), a.email].filter(Boolean).join(' · ') })),
					...myMentors(db, person.id).map((x) => ({ label: x.name, detail: roleTitle('mentor') })),
					...trustedAdults(db, person.id).map((a) => ({ label: a.name, detail: [a.relationship, a.contact].filter(Boolean).join(' · ') }))
				],
				empty: none
			},
			...(flags.length > 0 ? [{ heading: m.offline_summary_housing(), items: flags.map((f) => ({ label: flagKindLabel(f.kind), detail: flagStatusLabel(f.status) })) }] : [])
		]
	};
}
