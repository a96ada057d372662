import { m } from '../../paraglide/messages';

/**
 * The readable version of an export (issue 12, finding 2): the same data as the JSON beside it,
 * as one self-contained HTML page in the person's language and direction. Every value is escaped;
 * the page loads nothing and runs nothing.
 */
export type ExportLocale = 'en' | 'ar';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

type Message = (inputs?: Record<string, never>, options?: { locale?: ExportLocale }) => string;
const messages = m as unknown as Record<string, Message | undefined>;

/** A field's name in the person's language (the key itself when it has no label yet). */
export function fieldLabel(key: string, locale: ExportLocale): string {
	const message = messages[`export_f_${snake(key)}`];
	return message ? message({}, { locale }) : key.replace(/_/g, ' ');
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function formatTime(value: string, locale: ExportLocale): string {
	return new Intl.DateTimeFormat(locale === 'ar' ? 'ar' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' }).format(new Date(value));
}

function value(v: unknown, locale: ExportLocale, depth: number): string {
	if (v === null || v === undefined || v === '') return '<span class="none">–</span>';
	if (v instanceof Date) return escape(formatTime(v.toISOString(), locale));
	if (typeof v === 'boolean') return escape(v ? m.export_html_yes({}, { locale }) : m.export_html_no({}, { locale }));
	if (typeof v === 'string') return ISO_TIME.test(v) ? escape(formatTime(v, locale)) : `<span dir="auto">${escape(v)}</span>`;
	if (typeof v === 'number') return escape(String(v));
	if (Array.isArray(v)) {
		if (v.length === 0) return `<span class="none">${escape(m.export_html_none({}, { locale }))}</span>`;
		if (v.every((x) => x === null || typeof x !== 'object')) return v.map((x) => value(x, locale, depth + 1)).join(', ');
		return `<ol>${v.map((x) => `<li>${value(x, locale, depth + 1)}</li>`).join('')}</ol>`;
	}
	if (typeof v === 'object') return fields(v as Record<string, unknown>, locale, depth + 1);
	return escape(String(v));
}

function fields(o: Record<string, unknown>, locale: ExportLocale, depth: number): string {
	const entries = Object.entries(o);
	if (entries.length === 0) return `<span class="none">${escape(m.export_html_none({}, { locale }))}</span>`;
	return `<dl>${entries.map(([k, v]) => `<dt>${escape(fieldLabel(k, locale))}</dt><dd>${value(v, locale, depth)}</dd>`).join('')}</dl>`;
}

/** One section per top-level part of the export, each with a heading, then its fields. */
export function renderExportHtml(data: Record<string, unknown>, locale: ExportLocale, intro: string[]): string {
	const dir = locale === 'ar' ? 'rtl' : 'ltr';
	const title = m.export_html_title({}, { locale });
	const sections = Object.entries(data)
		.filter(([k]) => k !== 'subject' && k !== 'generatedAt')
		.map(([k, v]) => {
			if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
				const parts = Object.entries(v as Record<string, unknown>).map(([sub, x]) => `<section><h3>${escape(fieldLabel(sub, locale))}</h3>${value(x, locale, 1)}</section>`);
				return `<section><h2>${escape(fieldLabel(k, locale))}</h2>${parts.join('')}</section>`;
			}
			return `<section><h2>${escape(fieldLabel(k, locale))}</h2>${value(v, locale, 1)}</section>`;
		});
	return `<!doctype html>
<html lang="${locale}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:48rem;margin:1rem auto;padding:0 1rem;color:#0b0c0c}h2{border-bottom:2px solid #0b0c0c;margin-top:2rem}dl{margin:0 0 .5rem;padding-inline-start:1rem;border-inline-start:3px solid #b1b4b6}dt{font-weight:700}dd{margin:0 0 .5rem}.none{color:#505a5f}</style>
</head>
<body>
<h1>${escape(title)}</h1>
${intro.map((p) => `<p>${escape(p)}</p>`).join('\n')}
${sections.join('\n')}
</body>
</html>
`;
}

export function exportLocale(locale: string | null | undefined): ExportLocale {
	return locale === 'ar' ? 'ar' : 'en';
}
