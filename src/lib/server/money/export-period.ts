import { parseDateParts, type IsoDate } from '../../domain/dates';

export type PeriodValues = { from: { day: string; month: string; year: string }; to: { day: string; month: string; year: string } };

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The export period from the query string: either day/month/year boxes (the form) or `from` and
 * `to` as YYYY-MM-DD (the download link). Every problem is a field error; the dates are checked.
 */
export function parsePeriod(q: URLSearchParams): { values: PeriodValues; errors: Record<string, string>; period: { from: IsoDate; to: IsoDate } | null; asked: boolean } {
	const get = (k: string) => (q.get(k) ?? '').slice(0, 10);
	const fromIso = get('from');
	const toIso = get('to');
	const parts = (iso: string) => (ISO.test(iso) ? { day: String(Number(iso.slice(8))), month: String(Number(iso.slice(5, 7))), year: iso.slice(0, 4) } : null);
	const values: PeriodValues = {
		from: parts(fromIso) ?? { day: get('from-day'), month: get('from-month'), year: get('from-year') },
		to: parts(toIso) ?? { day: get('to-day'), month: get('to-month'), year: get('to-year') }
	};
	const asked = [...q.keys()].some((k) => k.startsWith('from') || k.startsWith('to'));
	if (!asked) return { values, errors: {}, period: null, asked };
	const errors: Record<string, string> = {};
	const from = parseDateParts(values.from);
	const to = parseDateParts(values.to);
	if (!from.ok) errors.from = from.error === 'missing' ? 'date_missing' : 'date_invalid';
	if (!to.ok) errors.to = to.error === 'missing' ? 'date_missing' : 'date_invalid';
	if (from.ok && to.ok && to.date < from.date) errors.to = 'date_order';
	return { values, errors, period: from.ok && to.ok && !errors.to ? { from: from.date, to: to.date } : null, asked };
}
