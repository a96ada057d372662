import { m } from '$lib/paraglide/messages';

const DOMAINS: Record<string, () => string> = {
	housing: m.checkin_housing,
	health: m.checkin_health,
	relationships: m.checkin_relationships,
	activities: m.checkin_activities,
	money: m.checkin_money,
	work_learning: m.checkin_work_learning,
	independence: m.checkin_independence,
	identity: m.checkin_identity
};
export const checkInDomainLabel = (d: string): string => (DOMAINS[d] ?? (() => d))();


const IN_TOUCH: Record<string, () => string> = { YES: m.in_touch_yes, NO: m.in_touch_no, DIED: m.in_touch_died, REFU: m.in_touch_refu, NREQ: m.in_touch_nreq, RHOM: m.in_touch_rhom };
export const inTouchLabel = (c: string): string => (IN_TOUCH[c] ?? (() => c))();

const ACTIV: Record<string, () => string> = {
	F1: m.activ_f1, P1: m.activ_p1, F2: m.activ_f2, P2: m.activ_p2, F4: m.activ_f4, P4: m.activ_p4, F5: m.activ_f5, P5: m.activ_p5,
	G4: m.activ_g4, G5: m.activ_g5, G6: m.activ_g6, '0': m.activ_0
};
export const activLabel = (c: string): string => (ACTIV[c] ?? (() => c))();
