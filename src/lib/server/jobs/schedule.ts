import { Cron } from 'croner';
import { londonDay } from '../../domain/dates';
import { getDb } from '../db';
import { log } from '../log';
import { runRemindersAndPush } from './reminders';
import { runHousingEscalations, runMentoringEscalations } from './escalations';
import { getConfig } from '../config';
import { writeAuditCheckpoint } from '../audit';

let started = false;

/**
 * The app's daily jobs, on London time. Each job is idempotent, so it also runs once shortly
 * after start (catching up a day the server was down) and two app nodes running it do no harm.
 */
export function startJobs(): void {
	if (started || process.env.HARBOUR_JOBS === 'off') return;
	started = true;
	const reminders = async () => {
		try {
			const result = await runRemindersAndPush(getDb(), londonDay(new Date()));
			log.info({ job: 'reminders', ...result }, 'job finished');
		} catch (error) {
			log.error({ job: 'reminders', err: error }, 'job failed');
		}
	};
	new Cron('0 6 * * *', { timezone: 'Europe/London', protect: true, name: 'reminders', unref: true }, reminders);
	setTimeout(() => void reminders(), 5_000).unref();
	// Statutory clocks are checked every 10 minutes, so a missed acknowledgement reaches a manager within the hour.
	const escalations = async () => {
		try {
			const housing = await runHousingEscalations(getDb(), new Date(), getConfig().ORIGIN ?? '');
			const mentoring = await runMentoringEscalations(getDb(), new Date(), getConfig().ORIGIN ?? '');
			log.info({ job: 'escalations', housing: housing.escalated, ...mentoring }, 'job finished');
		} catch (error) {
			log.error({ job: 'escalations', err: error }, 'job failed');
		}
	};
	new Cron('*/10 * * * *', { timezone: 'Europe/London', protect: true, name: 'escalations', unref: true }, escalations);
	// The audit trail's signed checkpoint, outside the database, every minute (issue 12, finding 5).
	const checkpoint = () => {
		try {
			const result = writeAuditCheckpoint(getDb());
			if (!result.written && result.reason === 'refused') log.error({ job: 'audit-checkpoint', detail: result.detail }, 'audit checkpoint refused: run npm run audit:verify');
		} catch (error) {
			log.error({ job: 'audit-checkpoint', err: error }, 'job failed');
		}
	};
	new Cron('* * * * *', { protect: true, name: 'audit-checkpoint', unref: true }, checkpoint);
	checkpoint();
}
