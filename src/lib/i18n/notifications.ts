import { m } from '$lib/paraglide/messages';
import { entitlementName } from './money';
import { formatDay, formatWhen } from './format';

/** The words for an in-app notification (kept apart from format.ts so pages that only format dates stay small). */
export function notificationText(kind: string, data: Record<string, string>): string {
	switch (kind) {
		case 'sign_in_method.password_set':
			return m.note_password_set();
		case 'sign_in_method.passkey_added':
			return m.note_passkey_added({ name: data.name ?? '' });
		case 'sign_in_method.passkey_removed':
			return m.note_passkey_removed({ name: data.name ?? '' });
		case 'sign_in_method.recovered':
			return m.note_recovered();
		case 'sign_in_method.recovery_undone':
			return m.note_recovery_undone();
		case 'sessions.signed_out_elsewhere':
			return m.note_signed_out_elsewhere({ count: data.count ?? '' });
		case 'entitlement.available':
			return m.note_entitlement_available({ name: entitlementName(data.entitlement ?? '') });
		case 'entitlement.instalment_due':
			return m.note_entitlement_instalment({ name: entitlementName(data.entitlement ?? ''), date: formatDay(data.date ?? '') });
		case 'housing.flag_raised':
			// Written without signal and delivered more than 72 hours later (issue 8).
			return data.writtenAt ? m.note_housing_flag_raised_late({ name: data.name ?? '', date: formatWhen(data.writtenAt) }) : m.note_housing_flag_raised({ name: data.name ?? '' });
		case 'housing.escalated':
			return m.note_housing_escalated({ name: data.name ?? '' });
		case 'concern.raised':
			return m.note_concern_raised({ name: data.name ?? '' });
		case 'concern.escalated':
			return m.note_concern_escalated({ name: data.name ?? '' });
		case 'vetting.lapses':
			return m.note_vetting_lapses();
		case 'entitlement.lapsing':
			return m.note_entitlement_lapsing({ name: entitlementName(data.entitlement ?? ''), date: formatDay(data.date ?? '') });
		case 'money.decided':
			return data.decision === 'approved' ? m.note_money_approved() : m.note_money_declined();
		case 'money.paid':
			return m.note_money_paid();
		case 'housing.flag_acknowledged':
			return m.note_flag_acknowledged();
		case 'housing.flag_updated':
			return m.note_flag_updated();
		case 'housing.flag_resolved':
			return m.note_flag_resolved();
		default:
			return m.note_other();
	}
}
