import type { ParamMatcher } from '@sveltejs/kit';

/** Record ids are 16 lower-case base32 characters; anything else is not a record (→ 404). */
export const match: ParamMatcher = (param) => /^[a-z2-7]{16}$/.test(param);
