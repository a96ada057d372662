import { describe, expect, it } from 'vitest';
import { milesBetween, rankVolunteers, type LatLon, type MatchWish, type Volunteer } from './matching';
import { DEFAULT_VETTING_RULES, type Vetting } from './vetting';

const ON = '2026-11-24';
const CHILD = '2009-06-01';
const ADULT = '2000-01-01';
const here: LatLon = { lat: 51.5007, lon: -0.1246 };
/** A point `miles` due north of `here` (one degree of latitude is 69.094 miles on this sphere). */
const north = (miles: number): LatLon => ({ lat: here.lat + miles / 69.094, lon: here.lon });

const vetting = (over: Partial<Vetting> = {}): Vetting => ({
	dbsLevel: 'enhanced_barred_children',
	certificateOn: '2025-01-10',
	updateServiceCheckedOn: null,
	referencesReceived: 2,
	trainingCompletedOn: '2025-02-01',
	...over
});
const v = (id: string, over: Partial<Volunteer> = {}): Volunteer => ({
	id,
	gender: 'female',
	interests: [],
	languages: ['English'],
	location: null,
	capacity: 2,
	activeMatches: 0,
	vetting: vetting(),
	...over
});
const wish = (over: Partial<MatchWish> = {}): MatchWish => ({ interests: [], languages: [], genderPreference: 'any', location: null, ...over });
const ids = (r: { suggestions: { volunteerId: string }[] }) => r.suggestions.map((s) => s.volunteerId);

describe('milesBetween', () => {
	it('measures London to Manchester as 163 miles, and a place to itself as 0', () => {
		expect(milesBetween({ lat: 51.5074, lon: -0.1278 }, { lat: 53.4808, lon: -2.2426 })).toBe(163);
		expect(milesBetween(here, here)).toBe(0);
	});

	it('rounds to the nearest mile', () => {
		expect(milesBetween(here, north(2.4))).toBe(2);
		expect(milesBetween(here, north(2.6))).toBe(3);
	});
});

describe('rankVolunteers: reasons and score', () => {
	it('explains the best match: both speak Tigrinya, 2 miles apart, both into football', () => {
		const request = wish({ interests: ['football', 'music'], languages: ['Tigrinya', 'English'], location: here, frequency: 'weekly' });
		const best = v('best', { languages: ['tigrinya', 'English'], interests: ['Football'], location: { lat: 51.53, lon: -0.12 } });
		const far = v('far', { location: { lat: 51.75, lon: -0.34 } });
		const { suggestions } = rankVolunteers(request, ADULT, [far, best], ON);
		expect(suggestions).toEqual([
			{
				volunteerId: 'best',
				score: 7,
				reasons: [
					{ kind: 'shared_language', value: 'Tigrinya' },
					{ kind: 'distance', miles: 2 },
					{ kind: 'shared_interest', value: 'football' }
				]
			},
			{ volunteerId: 'far', score: 0, reasons: [{ kind: 'distance', miles: 20 }] }
		]);
	});

	it.each([
		[0, 3],
		[2, 3],
		[3, 2],
		[5, 2],
		[6, 1],
		[15, 1],
		[16, 0]
	])('%i miles apart scores %i', (miles, score) => {
		const [s] = rankVolunteers(wish({ location: here }), ADULT, [v('a', { location: north(miles) })], ON).suggestions;
		expect(s).toEqual({ volunteerId: 'a', score, reasons: [{ kind: 'distance', miles }] });
	});

	it('does not count English, counts a language or interest once, ignores case and spaces, and keeps the young person’s spelling', () => {
		const request = wish({ languages: ['English', ' Arabic ', 'arabic'], interests: ['Art', 'art', ''] });
		const [s] = rankVolunteers(request, ADULT, [v('a', { languages: ['ENGLISH', 'arabic'], interests: [' ART'] })], ON).suggestions;
		expect(s).toEqual({
			volunteerId: 'a',
			score: 4,
			reasons: [
				{ kind: 'shared_language', value: 'Arabic' },
				{ kind: 'shared_interest', value: 'Art' }
			]
		});
	});

	it('gives no distance when either side has no location', () => {
		expect(rankVolunteers(wish({ location: here }), ADULT, [v('a')], ON).suggestions[0]?.reasons).toEqual([]);
		expect(rankVolunteers(wish(), ADULT, [v('a', { location: here })], ON).suggestions[0]?.reasons).toEqual([]);
	});

	it('measures postcode districts only through a lookup, tidying them first', () => {
		const centres: Record<string, LatLon> = { E8: here, N16: north(3) };
		const districtCentre = (d: string) => centres[d] ?? null;
		const request = wish({ location: 'e8 ' });
		expect(rankVolunteers(request, ADULT, [v('a', { location: 'N16' })], ON, DEFAULT_VETTING_RULES, { districtCentre }).suggestions[0]).toEqual({
			volunteerId: 'a',
			score: 2,
			reasons: [{ kind: 'distance', miles: 3 }]
		});
		expect(rankVolunteers(request, ADULT, [v('a', { location: north(1) })], ON, DEFAULT_VETTING_RULES, { districtCentre }).suggestions[0]?.score).toBe(3);
		expect(rankVolunteers(request, ADULT, [v('a', { location: 'N16' })], ON).suggestions[0]?.reasons).toEqual([]);
		expect(rankVolunteers(request, ADULT, [v('a', { location: 'ZZ9' })], ON, DEFAULT_VETTING_RULES, { districtCentre }).suggestions[0]?.reasons).toEqual([]);
	});

	it('notes that a gender preference was met', () => {
		expect(rankVolunteers(wish({ genderPreference: 'female' }), ADULT, [v('a')], ON).suggestions[0]?.reasons).toEqual([{ kind: 'gender_preference' }]);
	});
});

describe('rankVolunteers: order', () => {
	it('puts the higher score first whatever the id', () => {
		const request = wish({ interests: ['chess'] });
		expect(ids(rankVolunteers(request, ADULT, [v('a'), v('z', { interests: ['chess'] })], ON))).toEqual(['z', 'a']);
	});

	it('breaks ties by id, the same whatever order the volunteers come in', () => {
		const people = [v('c'), v('a'), v('b')];
		expect(ids(rankVolunteers(wish(), ADULT, people, ON))).toEqual(['a', 'b', 'c']);
		expect(ids(rankVolunteers(wish(), ADULT, [...people].reverse(), ON))).toEqual(['a', 'b', 'c']);
	});

	it('compares ids by code unit, not by locale', () => {
		expect(ids(rankVolunteers(wish(), ADULT, [v('b'), v('B'), v('a')], ON))).toEqual(['B', 'a', 'b']);
	});
});

describe('rankVolunteers: never suggests someone who cannot be matched', () => {
	it('leaves out anyone at or over capacity, and says so', () => {
		const r = rankVolunteers(wish(), ADULT, [v('full', { activeMatches: 2 }), v('over', { activeMatches: 3 }), v('none', { capacity: 0 }), v('room', { activeMatches: 1 })], ON);
		expect(ids(r)).toEqual(['room']);
		expect(r.excluded).toEqual([
			{ volunteerId: 'full', reason: 'at_capacity', reasons: ['at_capacity'] },
			{ volunteerId: 'none', reason: 'at_capacity', reasons: ['at_capacity'] },
			{ volunteerId: 'over', reason: 'at_capacity', reasons: ['at_capacity'] }
		]);
	});

	it('leaves out anyone not vetted for a 17-year-old, or not what was asked for, sorted by id', () => {
		const request = wish({ kind: 'befriender', genderPreference: 'female' });
		const r = rankVolunteers(
			request,
			CHILD,
			[v('notbarred', { vetting: vetting({ dbsLevel: 'enhanced' }) }), v('mentoronly', { offers: 'mentor' }), v('man', { gender: 'male' }), v('ok', { offers: 'befriender' })],
			ON
		);
		expect(ids(r)).toEqual(['ok']);
		expect(r.excluded).toEqual([
			{ volunteerId: 'man', reason: 'gender_preference', reasons: ['gender_preference'] },
			{ volunteerId: 'mentoronly', reason: 'wrong_kind', reasons: ['wrong_kind'] },
			{ volunteerId: 'notbarred', reason: 'needs_enhanced_barred', reasons: ['needs_enhanced_barred'] }
		]);
	});

	it('gives every reason, so the coordinator sees all that needs fixing', () => {
		const r = rankVolunteers(wish(), CHILD, [v('x', { activeMatches: 2, vetting: vetting({ dbsLevel: 'enhanced', referencesReceived: 1 }) })], ON);
		expect(r.excluded).toEqual([{ volunteerId: 'x', reason: 'at_capacity', reasons: ['at_capacity', 'needs_enhanced_barred', 'references_missing'] }]);
	});

	it('applies the age rule on the day: 18 tomorrow is still a child today', () => {
		const enhanced = [v('e', { vetting: vetting({ dbsLevel: 'enhanced' }) })];
		expect(ids(rankVolunteers(wish(), '2008-11-25', enhanced, ON))).toEqual([]);
		expect(ids(rankVolunteers(wish(), '2008-11-24', enhanced, ON))).toEqual(['e']);
	});

	it('leaves out an out-of-date check, and follows the rules passed in', () => {
		expect(rankVolunteers(wish(), ADULT, [v('old', { vetting: vetting({ certificateOn: '2023-01-01' }) })], ON).excluded[0]?.reason).toBe('check_out_of_date');
		expect(rankVolunteers(wish(), ADULT, [v('a')], ON, { ...DEFAULT_VETTING_RULES, referencesNeeded: 3 }).excluded[0]?.reason).toBe('references_missing');
	});

	it('treats a missing kind as either, a missing offer as both, and "not said" as not matching a preference', () => {
		expect(ids(rankVolunteers(wish({ kind: 'mentor' }), ADULT, [v('a')], ON))).toEqual(['a']);
		expect(ids(rankVolunteers(wish(), ADULT, [v('a', { offers: 'befriender' })], ON))).toEqual(['a']);
		expect(rankVolunteers(wish({ genderPreference: 'non_binary' }), ADULT, [v('a', { gender: 'not_said' })], ON).excluded[0]?.reason).toBe('gender_preference');
	});
});
