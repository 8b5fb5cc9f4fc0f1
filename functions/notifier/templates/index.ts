import type { Locale } from '../../../events/contract';
import { en } from './en';
import type { Templates } from './types';

/** The locales with e-mail templates; others fall back to English until their file exists. */
const templates: Partial<Record<Locale, Templates>> = { en };

export const templatesFor = (locale: Locale): { locale: Locale; templates: Templates } =>
  templates[locale] ? { locale, templates: templates[locale] } : { locale: 'en', templates: en };
