// Compiles the UI messages (src/lib/i18n/messages/*.json) with the same options the Vite plugin uses.
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../lib/i18n/paraglide-options.js';

await compile(paraglideOptions);
