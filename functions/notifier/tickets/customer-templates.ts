import type { Locale } from '../../../events/contract';
import type { TicketView } from '../../../domain/ticket/view';
import type { Formatters } from '../templates/types';
import type { MetricNames, TicketTemplates } from './types';

/** The reporter's ticket e-mails in every customer locale: acknowledgement with the SLA due times, each public reply, the resolution. */

interface Words {
  hello(name: string): string;
  metrics: MetricNames;
  opened: { subject(ref: string): string; body(ref: string, subject: string): string; due: string; noSla: string };
  reply: { subject(ref: string): string; intro: string; answerHint: string };
  resolved: { subject(ref: string): string; intro: string };
  signature: string;
}

const words: Record<Locale, Words> = {
  en: {
    hello: (n) => `Dear ${n},`,
    metrics: { reaction: 'First contact by us', 'first-response': 'First answer', 'next-response': 'Next answer', resolution: 'Resolution', 'on-site': 'Engineer on site', 'parts-delivery': 'Parts delivered' },
    opened: { subject: (r) => `We have received your support request ${r}`, body: (r, s) => `thank you for your report “${s}”. Its reference is ${r}; please quote it in every message about it.`, due: 'What we promise under your agreement:', noSla: 'We will get back to you as soon as possible.' },
    reply: { subject: (r) => `Re: your support request ${r}`, intro: 'Our support team has answered:', answerHint: 'To answer, reply to this e-mail.' },
    resolved: { subject: (r) => `Your support request ${r} is resolved`, intro: 'We consider your request resolved:' },
    signature: 'Kind regards,\nYour support team',
  },
  fr: {
    hello: (n) => `Bonjour ${n},`,
    metrics: { reaction: 'Premier contact de notre part', 'first-response': 'Première réponse', 'next-response': 'Réponse suivante', resolution: 'Résolution', 'on-site': 'Technicien sur place', 'parts-delivery': 'Pièces livrées' },
    opened: { subject: (r) => `Nous avons bien reçu votre demande d’assistance ${r}`, body: (r, s) => `Merci pour votre signalement «\u00a0${s}\u00a0». Sa référence est ${r}\u00a0; merci de l’indiquer dans chaque message à ce sujet.`, due: 'Nos engagements selon votre contrat\u00a0:', noSla: 'Nous revenons vers vous dès que possible.' },
    reply: { subject: (r) => `Re\u00a0: votre demande d’assistance ${r}`, intro: 'Notre équipe d’assistance vous répond\u00a0:', answerHint: 'Pour répondre, répondez simplement à cet e-mail.' },
    resolved: { subject: (r) => `Votre demande d’assistance ${r} est résolue`, intro: 'Nous considérons votre demande comme résolue\u00a0:' },
    signature: 'Meilleures salutations,\nVotre équipe d’assistance',
  },
  de: {
    hello: (n) => `Guten Tag ${n},`,
    metrics: { reaction: 'Erste Kontaktaufnahme', 'first-response': 'Erste Antwort', 'next-response': 'Nächste Antwort', resolution: 'Lösung', 'on-site': 'Techniker vor Ort', 'parts-delivery': 'Teile geliefert' },
    opened: { subject: (r) => `Ihre Supportanfrage ${r} ist bei uns eingegangen`, body: (r, s) => `vielen Dank für Ihre Meldung „${s}“. Die Referenz lautet ${r}; bitte geben Sie sie bei jeder Nachricht dazu an.`, due: 'Was wir Ihnen laut Vertrag zusagen:', noSla: 'Wir melden uns so bald wie möglich.' },
    reply: { subject: (r) => `AW: Ihre Supportanfrage ${r}`, intro: 'Unser Support-Team antwortet:', answerHint: 'Antworten Sie einfach auf diese E-Mail.' },
    resolved: { subject: (r) => `Ihre Supportanfrage ${r} ist gelöst`, intro: 'Wir betrachten Ihre Anfrage als gelöst:' },
    signature: 'Freundliche Grüße\nIhr Support-Team',
  },
  sv: {
    hello: (n) => `Hej ${n}!`,
    metrics: { reaction: 'Första kontakt från oss', 'first-response': 'Första svar', 'next-response': 'Nästa svar', resolution: 'Lösning', 'on-site': 'Tekniker på plats', 'parts-delivery': 'Delar levererade' },
    opened: { subject: (r) => `Vi har tagit emot ditt supportärende ${r}`, body: (r, s) => `tack för din anmälan ”${s}”. Referensen är ${r}; ange den i varje meddelande om ärendet.`, due: 'Det här lovar vi enligt ditt avtal:', noSla: 'Vi återkommer så snart vi kan.' },
    reply: { subject: (r) => `Sv: ditt supportärende ${r}`, intro: 'Vårt supportteam svarar:', answerHint: 'Svara på det här e-postmeddelandet för att svara.' },
    resolved: { subject: (r) => `Ditt supportärende ${r} är löst`, intro: 'Vi betraktar ditt ärende som löst:' },
    signature: 'Vänliga hälsningar\nDitt supportteam',
  },
  pl: {
    hello: (n) => `Dzień dobry, ${n},`,
    metrics: { reaction: 'Pierwszy kontakt z naszej strony', 'first-response': 'Pierwsza odpowiedź', 'next-response': 'Kolejna odpowiedź', resolution: 'Rozwiązanie', 'on-site': 'Serwisant na miejscu', 'parts-delivery': 'Dostawa części' },
    opened: { subject: (r) => `Przyjęliśmy zgłoszenie serwisowe nr ${r}`, body: (r, s) => `dziękujemy za zgłoszenie „${s}”. Jego numer to ${r}; prosimy podawać go w każdej wiadomości w tej sprawie.`, due: 'Nasze zobowiązania wynikające z umowy:', noSla: 'Odpowiemy najszybciej, jak to możliwe.' },
    reply: { subject: (r) => `Odp.: zgłoszenie serwisowe nr ${r}`, intro: 'Odpowiedź naszego zespołu wsparcia:', answerHint: 'Aby odpowiedzieć, wystarczy odpisać na tę wiadomość.' },
    resolved: { subject: (r) => `Zgłoszenie serwisowe nr ${r} zostało rozwiązane`, intro: 'Uznajemy zgłoszenie za rozwiązane:' },
    signature: 'Z poważaniem\nZespół wsparcia',
  },
};

const dueLines = (t: TicketView, w: Words, f: Formatters): string =>
  t.clocks
    .filter((c) => c.dueAt)
    .map((c) => `${w.metrics[c.metric]}: ${f.instant(c.dueAt!, t.timeZone)}`)
    .join('\n');

/** The reporter's e-mails for a locale (English for an unknown one). */
export function customerTicketTemplates(locale: Locale): TicketTemplates {
  const w = words[locale] ?? words.en;
  return {
    TicketOpened: (t, f) => {
      const due = dueLines(t, w, f);
      return { subject: w.opened.subject(t.ticketId), paragraphs: [w.hello(t.contact.name), w.opened.body(t.ticketId, t.subject), ...(due ? [w.opened.due, due] : [w.opened.noSla]), w.signature] };
    },
    AgentReplied: (t, _f, e) => ({ subject: w.reply.subject(t.ticketId), paragraphs: [w.hello(t.contact.name), w.reply.intro, e.payload.body, w.reply.answerHint, w.signature] }),
    TicketResolved: (t, _f, e) => ({ subject: w.resolved.subject(t.ticketId), paragraphs: [w.hello(t.contact.name), w.resolved.intro, e.payload.resolution, w.signature] }),
  };
}
