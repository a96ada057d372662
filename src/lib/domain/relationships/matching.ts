import type { IsoDate } from '../dates';
import { canMatch, DEFAULT_VETTING_RULES, type Refusal, type Vetting, type VettingRules } from './vetting';

export interface MatchWish {
	kind: 'mentor' | 'befriender' | 'either';
	interests: string[];
	languages: string[];
	genderPreference: 'any' | 'female' | 'male' | 'non_binary';
	location: { lat: number; lon: number } | null;
}

export interface Volunteer {
	id: string;
	offers: 'mentor' | 'befriender' | 'both';
	gender: 'female' | 'male' | 'non_binary' | 'not_said';
	interests: string[];
	languages: string[];
	location: { lat: number; lon: number } | null;
	capacity: number;
	activeMatches: number;
	vetting: Vetting;
}

export type Reason = { kind: 'shared_language'; value: string } | { kind: 'shared_interest'; value: string } | { kind: 'distance'; miles: number } | { kind: 'gender_preference' };
export type Suggestion = { volunteerId: string; score: number; reasons: Reason[] };
export type Excluded = { volunteerId: string; reason: Refusal | 'wrong_kind' | 'gender_preference' };

/** Great-circle distance in miles (haversine), rounded to a whole mile. */
export function milesBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
	const r = 3958.8;
	const rad = (d: number) => (d * Math.PI) / 180;
	const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
	return Math.round(2 * r * Math.asin(Math.sqrt(h)));
}

const norm = (s: string) => s.trim().toLocaleLowerCase('en-GB');

/**
 * Ranks volunteers for a young person's request, with the reasons as data ("both speak Tigrinya;
 * 2 miles apart; both into football"). Never suggests someone at capacity, not vetted for the
 * young person's age, or not what they asked for; those come back as `excluded` with why.
 * Score: a shared language 3, a shared interest 1 each, closeness up to 3 (0 beyond 15 miles).
 */
export function rankVolunteers(wish: MatchWish, youngPersonDob: IsoDate, volunteers: Volunteer[], on: IsoDate, rules: VettingRules = DEFAULT_VETTING_RULES): { suggestions: Suggestion[]; excluded: Excluded[] } {
	const suggestions: Suggestion[] = [];
	const excluded: Excluded[] = [];
	for (const v of volunteers) {
		if (wish.kind !== 'either' && v.offers !== 'both' && v.offers !== wish.kind) {
			excluded.push({ volunteerId: v.id, reason: 'wrong_kind' });
			continue;
		}
		if (wish.genderPreference !== 'any' && v.gender !== wish.genderPreference) {
			excluded.push({ volunteerId: v.id, reason: 'gender_preference' });
			continue;
		}
		if (v.activeMatches >= v.capacity) {
			excluded.push({ volunteerId: v.id, reason: 'at_capacity' });
			continue;
		}
		const vetted = canMatch(v.vetting, youngPersonDob, on, rules);
		if (!vetted.ok) {
			excluded.push({ volunteerId: v.id, reason: vetted.reason });
			continue;
		}
		const reasons: Reason[] = [];
		let score = 0;
		const theirLanguages = new Set(v.languages.map(norm));
		for (const l of wish.languages) {
			if (!theirLanguages.has(norm(l)) || norm(l) === 'english') continue;
			reasons.push({ kind: 'shared_language', value: l });
			score += 3;
		}
		if (wish.location && v.location) {
			const miles = milesBetween(wish.location, v.location);
			reasons.push({ kind: 'distance', miles });
			score += miles <= 2 ? 3 : miles <= 5 ? 2 : miles <= 15 ? 1 : 0;
		}
		const theirInterests = new Set(v.interests.map(norm));
		for (const i of wish.interests) {
			if (!theirInterests.has(norm(i))) continue;
			reasons.push({ kind: 'shared_interest', value: i });
			score += 1;
		}
		if (wish.genderPreference !== 'any') reasons.push({ kind: 'gender_preference' });
		suggestions.push({ volunteerId: v.id, score, reasons });
	}
	suggestions.sort((a, b) => b.score - a.score || a.volunteerId.localeCompare(b.volunteerId));
	return { suggestions, excluded };
}
