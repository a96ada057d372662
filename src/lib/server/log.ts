import pino from 'pino';
import { getConfig } from './config';

/**
 * Structured logs. Nothing personal goes in: routes are logged by their pattern
 * (`/caseload/[youngPersonId]`), never their path, and people only by role.
 */
export const log = pino({
	level: getConfig().LOG_LEVEL,
	base: { app: 'harbour' },
	redact: { paths: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.token'], remove: true }
});
