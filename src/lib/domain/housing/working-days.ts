import { addCalendarDays, type IsoDate } from '../dates';

/**
 * England and Wales bank holidays, 2018–2030 (gov.uk/bank-holidays; substitute days included,
 * and the one-off days: VE Day moved to 8 May 2020, the Platinum Jubilee and the Queen's funeral in
 * 2022, the coronation in 2023). A year outside the table counts weekends only: extend it yearly.
 */
export const BANK_HOLIDAYS_ENGLAND_WALES: ReadonlySet<IsoDate> = new Set([
	'2018-01-01', '2018-03-30', '2018-04-02', '2018-05-07', '2018-05-28', '2018-08-27', '2018-12-25', '2018-12-26',
	'2019-01-01', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-08-26', '2019-12-25', '2019-12-26',
	'2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28',
	'2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28',
	'2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27',
	'2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26',
	'2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26',
	'2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
	'2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
	'2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
	'2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26',
	'2029-01-01', '2029-03-30', '2029-04-02', '2029-05-07', '2029-05-28', '2029-08-27', '2029-12-25', '2029-12-26',
	'2030-01-01', '2030-04-19', '2030-04-22', '2030-05-06', '2030-05-27', '2030-08-26', '2030-12-25', '2030-12-26'
]);

export function isWeekend(date: IsoDate): boolean {
	const day = new Date(`${date}T00:00:00Z`).getUTCDay();
	return day === 0 || day === 6;
}

export function isWorkingDay(date: IsoDate, holidays: ReadonlySet<IsoDate> = BANK_HOLIDAYS_ENGLAND_WALES): boolean {
	return !isWeekend(date) && !holidays.has(date);
}

/**
 * The `n`th working day after `date` (n ≥ 1), not counting `date` itself: a flag raised on
 * Friday with 1 working day to answer is due by the end of Monday (Tuesday if Monday is a bank holiday).
 */
export function addWorkingDays(date: IsoDate, n: number, holidays: ReadonlySet<IsoDate> = BANK_HOLIDAYS_ENGLAND_WALES): IsoDate {
	if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a whole number of working days, 0 or more');
	let day = date;
	for (let left = n; left > 0; ) {
		day = addCalendarDays(day, 1);
		if (isWorkingDay(day, holidays)) left--;
	}
	return day;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, holidays: ReadonlySet<IsoDate> = BANK_HOLIDAYS_ENGLAND_WALES): number {
	let count = 0;
	for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) if (isWorkingDay(day, holidays)) count++;
	return count;
}
