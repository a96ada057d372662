import { ACCOM, ACTIV, IN_TOUCH } from './codes';

export type ReturnField = 'inTouch' | 'activity' | 'accommodation';
export type ReturnError = { field: ReturnField; code: 'in_touch_invalid' | 'activity_invalid' | 'accommodation_invalid' | 'rule_344_activity' | 'rule_344_accommodation' | 'rule_345_activity' | 'rule_345_accommodation' };

/**
 * Checks one care leaver's birthday return, code by code and with DfE's cross-field rules
 * (domain.md §3.4): 133 (valid ACCOM values), 344 (DIED or RHOM ⇒ ACTIV and ACCOM are 0),
 * 345 (YES ⇒ ACTIV and ACCOM are not 0). NO and REFU may carry third-party information.
 */
export function validateReturn(r: { inTouch: string; activity: string; accommodation: string }): ReturnError[] {
	const errors: ReturnError[] = [];
	if (!(IN_TOUCH as readonly string[]).includes(r.inTouch)) errors.push({ field: 'inTouch', code: 'in_touch_invalid' });
	if (!(ACTIV as readonly string[]).includes(r.activity)) errors.push({ field: 'activity', code: 'activity_invalid' });
	if (!(ACCOM as readonly string[]).includes(r.accommodation)) errors.push({ field: 'accommodation', code: 'accommodation_invalid' });
	if (errors.length > 0) return errors;
	if (r.inTouch === 'DIED' || r.inTouch === 'RHOM') {
		if (r.activity !== '0') errors.push({ field: 'activity', code: 'rule_344_activity' });
		if (r.accommodation !== '0') errors.push({ field: 'accommodation', code: 'rule_344_accommodation' });
	}
	if (r.inTouch === 'YES') {
		if (r.activity === '0') errors.push({ field: 'activity', code: 'rule_345_activity' });
		if (r.accommodation === '0') errors.push({ field: 'accommodation', code: 'rule_345_accommodation' });
	}
	return errors;
}
