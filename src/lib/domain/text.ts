/**
 * Text that people type and others read. Pure, so the browser could use it too.
 *
 * Unicode's bidirectional controls (the embeddings, overrides and isolates U+202A–U+202E and
 * U+2066–U+2069, the marks U+200E, U+200F and U+061C) have no place in a name: a right-to-left
 * override makes "Sam‮ nimda" read as "Sam admin", and an unclosed one turns the rest of a line
 * around. Names are shown isolated (`<bdi>`) in the UI as well, so Arabic and English names sit
 * side by side without these marks.
 */
// eslint-disable-next-line no-control-regex
const BIDI_AND_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** A name (a person's, a relationship, a device's) as it may be stored: no bidi or control characters, spaces collapsed. */
export function cleanName(value: string): string {
	return value.replace(BIDI_AND_CONTROLS, '').replace(/\s+/g, ' ').trim();
}

/** True when the text holds a bidi control or another invisible control character. */
export function hasBidiControls(value: string): boolean {
	BIDI_AND_CONTROLS.lastIndex = 0;
	const found = BIDI_AND_CONTROLS.test(value);
	BIDI_AND_CONTROLS.lastIndex = 0;
	return found;
}
