import type { Locale } from '../../../events/contract';

/** How an e-mail to a customer opens and closes, per language (ticket, credit and statement mails share it). */
export interface Greeting {
  hello(name: string): string;
  signature: string;
}

const greetings: Record<Locale, Greeting> = {
  en: { hello: (n) => `Dear ${n},`, signature: 'Kind regards,\nYour support team' },
  fr: { hello: (n) => `Bonjour ${n},`, signature: 'Meilleures salutations,\nVotre équipe d’assistance' },
  de: { hello: (n) => `Guten Tag ${n},`, signature: 'Freundliche Grüße\nIhr Support-Team' },
  sv: { hello: (n) => `Hej ${n}!`, signature: 'Vänliga hälsningar\nDitt supportteam' },
  pl: { hello: (n) => `Dzień dobry, ${n},`, signature: 'Z poważaniem\nZespół wsparcia' },
};

/** The greeting of a locale (English for a value outside `Locale`). */
export const greetingFor = (locale: Locale): Greeting => (Object.hasOwn(greetings, locale) ? greetings[locale] : greetings.en);

/** A customer e-mail's paragraphs: the greeting, the body, the signature. */
export const letter = (g: Greeting, name: string, body: readonly string[]): string[] => [g.hello(name), ...body, g.signature];
