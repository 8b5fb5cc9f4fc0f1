import type { Locale } from '../../../events/contract';
import { de } from './de';
import { en } from './en';
import { fr } from './fr';
import { pl } from './pl';
import { sv } from './sv';
import type { Templates } from './types';

/** The e-mail templates of every locale; a new `Locale` does not compile until it has its file here. */
const templates: Record<Locale, Templates> = { en, fr, pl, de, sv };

/** The templates for a locale; English only for a value outside `Locale` (e.g. a corrupt stored view). */
export const templatesFor = (locale: Locale): { locale: Locale; templates: Templates } =>
  Object.hasOwn(templates, locale) ? { locale, templates: templates[locale] } : { locale: 'en', templates: en };
