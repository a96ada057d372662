import { m } from '$lib/paraglide/messages';

const SHARES: Record<string, () => string> = {
	age: m.share_age,
	interests: m.share_interests,
	phone: m.share_phone,
	college: m.share_college,
	home_situation: m.share_home_situation
};
export const shareLabel = (s: string): string => (SHARES[s] ?? (() => s))();
