import { describe, expect, it } from 'vitest';
import { cleanName, hasBidiControls } from './text';

describe('finding 12.11: names carry no bidi controls', () => {
	it('strips a right-to-left override that would make a name read backwards', () => {
		expect(cleanName('Sam\u202E nimda')).toBe('Sam nimda');
	});
	it('strips every embedding, override, isolate and mark', () => {
		const controls = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
		for (const c of controls) expect(cleanName(`Jo${c}Bennett`)).toBe('JoBennett');
		expect(hasBidiControls(controls.join(''))).toBe(true);
	});
	it('strips other control characters and collapses spaces', () => {
		expect(cleanName('  Jo\u0000\u0007  \t Bennett\n ')).toBe('Jo Bennett');
	});
	it('keeps Arabic, Tigrinya, accents and apostrophes as typed', () => {
		for (const name of ['أميرة حداد', 'ሰላም ኣብርሃ', 'Zoë O’Neill', 'Nguyễn Văn An', 'Amira (حداد)']) {
			expect(cleanName(name)).toBe(name);
			expect(hasBidiControls(name)).toBe(false);
		}
	});
	it('is stable: cleaning twice changes nothing', () => {
		const once = cleanName('A\u202Eb\u2066c');
		expect(cleanName(once)).toBe(once);
	});
});
