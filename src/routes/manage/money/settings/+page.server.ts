import { parsePounds } from '$lib/domain/money/pounds';
import { LIMIT_MAX_PENCE } from '$lib/domain/money/ledger';
import { recordAudit } from '$lib/server/audit';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { newId } from '$lib/server/ids';
import { costCodes, costCodeTargets, currentLimit, limitHistory, setApprovalLimit, setCostCodes } from '$lib/server/money/finance';
import { OPERATION_ID } from '$lib/server/money/operations';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/** A cost code as council finance systems write them: letters, digits, spaces, dots, slashes and dashes. */
const COST_CODE = /^[A-Za-z0-9][A-Za-z0-9 ./_-]{0,29}$/;

export const load: PageServerLoad = (event) => {
	authorize(event, 'money.settings');
	const db = getDb();
	const codes = costCodes(db);
	const saved = event.url.searchParams.get('saved');
	return {
		operation: newId(),
		saved: saved === 'limit' || saved === 'codes' ? saved : null,
		limitPence: currentLimit(db),
		history: limitHistory(db),
		targets: costCodeTargets(db).map((t) => ({ ...t, code: codes.get(t.key) ?? '' }))
	};
};

export const actions: Actions = {
	/** A new version of the approval limit: £0 to £100,000. */
	limit: async (event) => {
		const actor = authorize(event, 'money.settings');
		const db = getDb();
		const form = await event.request.formData();
		const values = { limit: String(form.get('limit') ?? '').slice(0, 40), operation: String(form.get('operation') ?? '').slice(0, 64) };
		const pounds = parsePounds(values.limit);
		let error: string | null = null;
		if (!pounds.ok) error = pounds.error === 'negative' || pounds.error === 'too_large' ? 'limit_range' : `money_${pounds.error}`;
		else if (pounds.pence < 0 || pounds.pence > LIMIT_MAX_PENCE) error = 'limit_range';
		if (!OPERATION_ID.test(values.operation)) error ??= 'invalid';
		if (error || !pounds.ok) {
			recordAudit(db, { action: 'money.limit', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
			return fail(400, { form: 'limit', errors: { limit: error ?? 'invalid' }, values });
		}
		const saved = setApprovalLimit(db, { limitPence: pounds.pence, actorId: actor.id, operationId: values.operation });
		if (!saved.ok) {
			recordAudit(db, { action: 'money.limit', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
			return fail(409, { form: 'limit', conflict: saved.code });
		}
		recordAudit(db, { action: 'money.limit', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, subjectType: 'approval_limit', subjectId: String(saved.version), requestId: event.locals.requestId });
		redirect(303, '/manage/money/settings?saved=limit');
	},

	/** The finance cost code for each money entitlement and local offer item. */
	codes: async (event) => {
		const actor = authorize(event, 'money.settings');
		const db = getDb();
		const form = await event.request.formData();
		const operation = String(form.get('operation') ?? '').slice(0, 64);
		const keys = costCodeTargets(db).map((t) => t.key);
		const values: Record<string, string> = {};
		const errors: Record<string, string> = {};
		for (const [i, key] of keys.entries()) {
			const code = String(form.get(`code-${i}`) ?? '').slice(0, 60).trim();
			values[key] = code;
			if (code !== '' && !COST_CODE.test(code)) errors[`code-${i}`] = 'cost_code_format';
		}
		if (!OPERATION_ID.test(operation)) errors['code-0'] ??= 'invalid';
		if (Object.keys(errors).length > 0) {
			recordAudit(db, { action: 'money.cost_codes', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
			return fail(400, { form: 'codes', errors, codeValues: values, operation });
		}
		const saved = setCostCodes(db, { codes: values, actorId: actor.id, operationId: operation });
		if (!saved.ok) {
			recordAudit(db, { action: 'money.cost_codes', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
			return fail(409, { form: 'codes', conflict: saved.code });
		}
		recordAudit(db, { action: 'money.cost_codes', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
		redirect(303, '/manage/money/settings?saved=codes');
	}
};
