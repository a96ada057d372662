import type { IsoDate } from '../dates';
import type { Rhythm } from './health';
import { canMatch, DEFAULT_VETTING_RULES, type Refusal, type Vetting, type VettingRules } from './vetting';

export type LatLon = { lat: number; lon: number };
/** A point, or a postcode district such as "E8" or "LS6" (outward code only: never a full postcode). */
export type Place = LatLon | string;

export interface MatchWish {
	/** Which kind of volunteer; absent means either. */
	kind?: 'mentor' | 'befriender' | 'either';
	interests: string[];
	languages: string[];
	genderPreference: 'any' | 'female' | 'male' | 'non_binary';
	location: Place | null;
	/** How often the young person would like to meet. Carried for the match; it does not change the ranking or the vetting rule. */
	frequency?: Rhythm;
}

export interface Volunteer {
	id: string;
	name?: string;
	/** Absent means both. */
	offers?: 'mentor' | 'befriender' | 'both';
	gender: 'female' | 'male' | 'non_binary' | 'not_said';
	interests: string[];
	languages: string[];
	location: Place | null;
	capacity: number;
	activeMatches: number;
	vetting: Vetting;
}

export type Reason =
	| { kind: 'shared_language'; value: string }
	| { kind: 'shared_interest'; value: string }
	| { kind: 'distance'; miles: number }
	| { kind: 'gender_preference' };
export type Suggestion = { volunteerId: string; score: number; reasons: Reason[] };
export type Exclusion = Refusal | 'wrong_kind' | 'gender_preference';
/** `reason` is the first of `reasons`, for a one-line list. */
export type Excluded = { volunteerId: string; reason: Exclusion; reasons: Exclusion[] };

export interface RankOptions {
	/** The centre of a postcode district, so a district can be measured against a point or another district. */
	districtCentre?: (district: string) => LatLon | null;
}

export const SCORE = {
	sharedLanguage: 3,
	sharedInterest: 1,
	/** Points by distance: up to the first number of miles, the second number of points. */
	distance: [
		[2, 3],
		[5, 2],
		[15, 1]
	] as const
};

const EARTH_RADIUS_MILES = 3958.8;

/** Great-circle distance in miles (haversine), rounded to a whole mile. */
export function milesBetween(a: LatLon, b: LatLon): number {
	const rad = (d: number) => (d * Math.PI) / 180;
	const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
	return Math.round(2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h))));
}

const norm = (s: string) => s.trim().toLocaleLowerCase('en-GB');
const district = (s: string) => s.trim().toUpperCase().replace(/\s+/g, '');

function point(place: Place | null, options: RankOptions): LatLon | null {
	if (place === null) return null;
	if (typeof place !== 'string') return place;
	return options.districtCentre?.(district(place)) ?? null;
}

/** Each wished-for value the volunteer shares, in the young person's spelling, once. */
function shared(wished: string[], theirs: string[], skip: (n: string) => boolean = () => false): string[] {
	const have = new Set(theirs.map(norm));
	const seen = new Set<string>();
	const out: string[] = [];
	for (const w of wished) {
		const n = norm(w);
		if (!n || seen.has(n) || skip(n) || !have.has(n)) continue;
		seen.add(n);
		out.push(w.trim());
	}
	return out;
}

function exclusions(wish: MatchWish, v: Volunteer, youngPersonDob: IsoDate, on: IsoDate, rules: VettingRules): Exclusion[] {
	const out: Exclusion[] = [];
	const kind = wish.kind ?? 'either';
	const offers = v.offers ?? 'both';
	if (kind !== 'either' && offers !== 'both' && offers !== kind) out.push('wrong_kind');
	if (wish.genderPreference !== 'any' && v.gender !== wish.genderPreference) out.push('gender_preference');
	if (v.activeMatches >= v.capacity) out.push('at_capacity');
	const vetted = canMatch(v.vetting, youngPersonDob, on, rules);
	if (!vetted.ok) out.push(...vetted.reasons);
	return out;
}

/**
 * Ranks volunteers for a young person's request, with the reasons as data ("both speak Tigrinya;
 * 2 miles apart; both into football"). Never suggests anyone at capacity, not vetted for the young
 * person's age on `on`, or not what they asked for: those come back in `excluded`, with every
 * reason, so the coordinator can see why. English is not counted as a shared language (everyone
 * using the app has it). A postcode district is measured only through `options.districtCentre`.
 * Highest score first; equal scores by volunteer id, so the order never depends on the input's.
 */
export function rankVolunteers(
	wish: MatchWish,
	youngPersonDob: IsoDate,
	volunteers: Volunteer[],
	on: IsoDate,
	rules: VettingRules = DEFAULT_VETTING_RULES,
	options: RankOptions = {}
): { suggestions: Suggestion[]; excluded: Excluded[] } {
	const suggestions: Suggestion[] = [];
	const excluded: Excluded[] = [];
	const here = point(wish.location, options);
	for (const v of volunteers) {
		const why = exclusions(wish, v, youngPersonDob, on, rules);
		const [first] = why;
		if (first) {
			excluded.push({ volunteerId: v.id, reason: first, reasons: why });
			continue;
		}
		const reasons: Reason[] = [];
		let score = 0;
		for (const value of shared(wish.languages, v.languages, (n) => n === 'english')) {
			reasons.push({ kind: 'shared_language', value });
			score += SCORE.sharedLanguage;
		}
		const there = point(v.location, options);
		if (here && there) {
			const miles = milesBetween(here, there);
			reasons.push({ kind: 'distance', miles });
			score += SCORE.distance.find(([upTo]) => miles <= upTo)?.[1] ?? 0;
		}
		for (const value of shared(wish.interests, v.interests)) {
			reasons.push({ kind: 'shared_interest', value });
			score += SCORE.sharedInterest;
		}
		if (wish.genderPreference !== 'any') reasons.push({ kind: 'gender_preference' });
		suggestions.push({ volunteerId: v.id, score, reasons });
	}
	const byId = (a: { volunteerId: string }, b: { volunteerId: string }) => (a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0);
	suggestions.sort((a, b) => b.score - a.score || byId(a, b));
	excluded.sort(byId);
	return { suggestions, excluded };
}
