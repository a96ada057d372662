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
