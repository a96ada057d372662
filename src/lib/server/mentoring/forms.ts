import { z } from 'zod';
import { text } from '../../domain/fields';

/** A PA acknowledges a mentor's concern and says what they did. */
export const concernAcknowledgeForm = z.object({
	concern: text({ max: 16 }),
	action: text({ max: 2000, missing: 'concern_action_missing' })
});
