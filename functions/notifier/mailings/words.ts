import type { Locale } from '../../../events/contract';

/** The lines a mailing adds around the staff's text, per language. */
export interface MailingWords {
  /** The end of a marketing e-mail: why it came, and the link that stops marketing e-mails. */
  marketingFooter(url: string): string;
  /** The end of a survey: why it came, and the link that stops surveys. */
  surveyFooter(url: string): string;
  /** The start of a product-safety notice: what it is, and that an opt-out does not stop it. */
  safetyNote: string;
}

const words: Record<Locale, MailingWords> = {
  en: {
    marketingFooter: (url) => `You receive our news as our customer. To receive no more marketing e-mails, unsubscribe here: ${url}`,
    surveyFooter: (url) => `You receive our surveys as our customer. To receive no more surveys, unsubscribe here: ${url}`,
    safetyNote: 'This is a product-safety notice. We send these to every customer concerned, also to those who unsubscribed from marketing e-mails.',
  },
  de: {
    marketingFooter: (url) => `Sie erhalten unsere Neuigkeiten als unser Kunde. Wenn Sie keine Werbe-E-Mails mehr erhalten möchten, melden Sie sich hier ab: ${url}`,
    surveyFooter: (url) => `Sie erhalten unsere Umfragen als unser Kunde. Wenn Sie keine Umfragen mehr erhalten möchten, melden Sie sich hier ab: ${url}`,
    safetyNote: 'Dies ist ein Hinweis zur Produktsicherheit. Wir senden ihn allen betroffenen Kunden, auch denen, die Werbe-E-Mails abbestellt haben.',
  },
  fr: {
    marketingFooter: (url) => `Vous recevez nos actualités en tant que client. Pour ne plus recevoir d’e-mails commerciaux, désabonnez-vous ici : ${url}`,
    surveyFooter: (url) => `Vous recevez nos enquêtes en tant que client. Pour ne plus recevoir d’enquêtes, désabonnez-vous ici : ${url}`,
    safetyNote: 'Ceci est un avis de sécurité produit. Nous l’envoyons à tous les clients concernés, y compris à ceux qui se sont désabonnés des e-mails commerciaux.',
  },
  sv: {
    marketingFooter: (url) => `Du får våra nyheter som kund hos oss. Om du inte längre vill få marknadsföringsmejl kan du avregistrera dig här: ${url}`,
    surveyFooter: (url) => `Du får våra enkäter som kund hos oss. Om du inte längre vill få enkäter kan du avregistrera dig här: ${url}`,
    safetyNote: 'Detta är ett produktsäkerhetsmeddelande. Vi skickar det till alla berörda kunder, även till dem som har avregistrerat sig från marknadsföringsmejl.',
  },
  pl: {
    marketingFooter: (url) => `Otrzymujesz nasze wiadomości jako nasz klient. Aby nie otrzymywać więcej e-maili marketingowych, wypisz się tutaj: ${url}`,
    surveyFooter: (url) => `Otrzymujesz nasze ankiety jako nasz klient. Aby nie otrzymywać więcej ankiet, wypisz się tutaj: ${url}`,
    safetyNote: 'To jest powiadomienie dotyczące bezpieczeństwa produktu. Wysyłamy je wszystkim klientom, których dotyczy, również tym, którzy zrezygnowali z e-maili marketingowych.',
  },
};

/** The mailing words of a locale (English for a value outside `Locale`). */
export const mailingWordsFor = (locale: string): { locale: Locale; words: MailingWords } =>
  Object.hasOwn(words, locale) ? { locale: locale as Locale, words: words[locale as Locale] } : { locale: 'en', words: words.en };
