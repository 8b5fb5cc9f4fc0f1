import type { Locale } from '../../../events/contract';
import type { TicketView } from '../../../domain/ticket/view';
import { greetingFor, letter } from '../templates/greeting';
import type { Formatters } from '../templates/types';
import type { MetricNames, TicketTemplates } from './types';

/** The reporter's ticket e-mails in every customer locale: acknowledgement with the SLA due times, each public reply, the resolution. */

interface Words {
  metrics: MetricNames;
  opened: { subject(ref: string): string; body(ref: string, subject: string): string; due: string; noSla: string };
  reply: { subject(ref: string): string; intro: string; answerHint: string };
  resolved: { subject(ref: string): string; intro: string };
  returns: {
    shipped(ref: string): string;
    shippedBody(serial: string, due: string, prepaid: boolean): string;
    reminder(ref: string): string;
    reminderBody(device: 'faulty' | 'loaner', due: string): string;
    overdue(ref: string): string;
    overdueBody(due: string): string;
    charged(ref: string): string;
    chargedBody(serial: string, due: string, amount: string): string;
  };
}

const words: Record<Locale, Words> = {
  en: {
    metrics: { reaction: 'First contact by us', 'first-response': 'First answer', 'next-response': 'Next answer', resolution: 'Resolution', 'on-site': 'Engineer on site', 'parts-delivery': 'Parts delivered' },
    opened: { subject: (r) => `We have received your support request ${r}`, body: (r, s) => `thank you for your report “${s}”. Its reference is ${r}; please quote it in every message about it.`, due: 'What we promise under your agreement:', noSla: 'We will get back to you as soon as possible.' },
    reply: { subject: (r) => `Re: your support request ${r}`, intro: 'Our support team has answered:', answerHint: 'To answer, reply to this e-mail.' },
    resolved: { subject: (r) => `Your support request ${r} is resolved`, intro: 'We consider your request resolved:' },
    returns: {
      shipped: (r) => `A replacement is on its way (support request ${r})`,
      shippedBody: (s, d, p) => `we have verified the fault and shipped a replacement. Please send the faulty device (serial number ${s}) back to us by ${d}${p ? ' with the prepaid waybill we send you' : ''}.`,
      reminder: (r) => `Reminder: a device is due back (support request ${r})`,
      reminderBody: (k, d) => `please send ${k === 'faulty' ? 'the faulty device' : 'the loaned device'} back to us by ${d}.`,
      overdue: (r) => `The faulty device is overdue (support request ${r})`,
      overdueBody: (d) => `the faulty device was due back by ${d} and has not reached us. Please send it as soon as possible.`,
      charged: (r) => `The loaned device has not been returned (support request ${r})`,
      chargedBody: (s, d, a) => `the loaned device (serial number ${s}) was due back by ${d}. As agreed, we bill it at its list price: ${a}.`,
    },
  },
  fr: {
    metrics: { reaction: 'Premier contact de notre part', 'first-response': 'Première réponse', 'next-response': 'Réponse suivante', resolution: 'Résolution', 'on-site': 'Technicien sur place', 'parts-delivery': 'Pièces livrées' },
    opened: { subject: (r) => `Nous avons bien reçu votre demande d’assistance ${r}`, body: (r, s) => `Merci pour votre signalement «\u00a0${s}\u00a0». Sa référence est ${r}\u00a0; merci de l’indiquer dans chaque message à ce sujet.`, due: 'Nos engagements selon votre contrat\u00a0:', noSla: 'Nous revenons vers vous dès que possible.' },
    reply: { subject: (r) => `Re\u00a0: votre demande d’assistance ${r}`, intro: 'Notre équipe d’assistance vous répond\u00a0:', answerHint: 'Pour répondre, répondez simplement à cet e-mail.' },
    resolved: { subject: (r) => `Votre demande d’assistance ${r} est résolue`, intro: 'Nous considérons votre demande comme résolue\u00a0:' },
    returns: {
      shipped: (r) => `Un appareil de remplacement est en route (demande ${r})`,
      shippedBody: (s, d, p) => `Nous avons vérifié la panne et expédié un appareil de remplacement. Merci de nous renvoyer l’appareil défectueux (numéro de série ${s}) d’ici le ${d}${p ? ' avec la lettre de voiture prépayée que nous vous envoyons' : ''}.`,
      reminder: (r) => `Rappel\u00a0: un appareil doit nous être retourné (demande ${r})`,
      reminderBody: (k, d) => `Merci de nous renvoyer ${k === 'faulty' ? 'l’appareil défectueux' : 'l’appareil prêté'} d’ici le ${d}.`,
      overdue: (r) => `L’appareil défectueux n’est pas revenu (demande ${r})`,
      overdueBody: (d) => `L’appareil défectueux devait nous parvenir au plus tard le ${d}. Merci de l’envoyer au plus vite.`,
      charged: (r) => `L’appareil prêté n’a pas été retourné (demande ${r})`,
      chargedBody: (s, d, a) => `L’appareil prêté (numéro de série ${s}) devait revenir au plus tard le ${d}. Comme convenu, nous le facturons au prix catalogue\u00a0: ${a}.`,
    },
  },
  de: {
    metrics: { reaction: 'Erste Kontaktaufnahme', 'first-response': 'Erste Antwort', 'next-response': 'Nächste Antwort', resolution: 'Lösung', 'on-site': 'Techniker vor Ort', 'parts-delivery': 'Teile geliefert' },
    opened: { subject: (r) => `Ihre Supportanfrage ${r} ist bei uns eingegangen`, body: (r, s) => `vielen Dank für Ihre Meldung „${s}“. Die Referenz lautet ${r}; bitte geben Sie sie bei jeder Nachricht dazu an.`, due: 'Was wir Ihnen laut Vertrag zusagen:', noSla: 'Wir melden uns so bald wie möglich.' },
    reply: { subject: (r) => `AW: Ihre Supportanfrage ${r}`, intro: 'Unser Support-Team antwortet:', answerHint: 'Antworten Sie einfach auf diese E-Mail.' },
    resolved: { subject: (r) => `Ihre Supportanfrage ${r} ist gelöst`, intro: 'Wir betrachten Ihre Anfrage als gelöst:' },
    returns: {
      shipped: (r) => `Ein Ersatzgerät ist unterwegs (Supportanfrage ${r})`,
      shippedBody: (s, d, p) => `wir haben den Fehler geprüft und ein Ersatzgerät versandt. Bitte senden Sie das defekte Gerät (Seriennummer ${s}) bis zum ${d} zurück${p ? ', mit dem vorausbezahlten Frachtbrief, den wir Ihnen senden' : ''}.`,
      reminder: (r) => `Erinnerung: Rücksendung fällig (Supportanfrage ${r})`,
      reminderBody: (k, d) => `bitte senden Sie ${k === 'faulty' ? 'das defekte Gerät' : 'das Leihgerät'} bis zum ${d} zurück.`,
      overdue: (r) => `Das defekte Gerät ist überfällig (Supportanfrage ${r})`,
      overdueBody: (d) => `das defekte Gerät hätte bis zum ${d} bei uns sein sollen. Bitte senden Sie es so bald wie möglich.`,
      charged: (r) => `Das Leihgerät wurde nicht zurückgegeben (Supportanfrage ${r})`,
      chargedBody: (s, d, a) => `das Leihgerät (Seriennummer ${s}) hätte bis zum ${d} zurückkommen sollen. Wie vereinbart berechnen wir den Listenpreis: ${a}.`,
    },
  },
  sv: {
    metrics: { reaction: 'Första kontakt från oss', 'first-response': 'Första svar', 'next-response': 'Nästa svar', resolution: 'Lösning', 'on-site': 'Tekniker på plats', 'parts-delivery': 'Delar levererade' },
    opened: { subject: (r) => `Vi har tagit emot ditt supportärende ${r}`, body: (r, s) => `tack för din anmälan ”${s}”. Referensen är ${r}; ange den i varje meddelande om ärendet.`, due: 'Det här lovar vi enligt ditt avtal:', noSla: 'Vi återkommer så snart vi kan.' },
    reply: { subject: (r) => `Sv: ditt supportärende ${r}`, intro: 'Vårt supportteam svarar:', answerHint: 'Svara på det här e-postmeddelandet för att svara.' },
    resolved: { subject: (r) => `Ditt supportärende ${r} är löst`, intro: 'Vi betraktar ditt ärende som löst:' },
    returns: {
      shipped: (r) => `En ersättningsenhet är på väg (supportärende ${r})`,
      shippedBody: (s, d, p) => `vi har verifierat felet och skickat en ersättningsenhet. Skicka tillbaka den felaktiga enheten (serienummer ${s}) senast ${d}${p ? ' med den förbetalda fraktsedel vi skickar' : ''}.`,
      reminder: (r) => `Påminnelse: en enhet ska returneras (supportärende ${r})`,
      reminderBody: (k, d) => `skicka tillbaka ${k === 'faulty' ? 'den felaktiga enheten' : 'lånenheten'} senast ${d}.`,
      overdue: (r) => `Den felaktiga enheten är försenad (supportärende ${r})`,
      overdueBody: (d) => `den felaktiga enheten skulle ha varit hos oss senast ${d}. Skicka den så snart som möjligt.`,
      charged: (r) => `Lånenheten har inte returnerats (supportärende ${r})`,
      chargedBody: (s, d, a) => `lånenheten (serienummer ${s}) skulle ha returnerats senast ${d}. Enligt avtalet fakturerar vi listpriset: ${a}.`,
    },
  },
  pl: {
    metrics: { reaction: 'Pierwszy kontakt z naszej strony', 'first-response': 'Pierwsza odpowiedź', 'next-response': 'Kolejna odpowiedź', resolution: 'Rozwiązanie', 'on-site': 'Serwisant na miejscu', 'parts-delivery': 'Dostawa części' },
    opened: { subject: (r) => `Przyjęliśmy zgłoszenie serwisowe nr ${r}`, body: (r, s) => `dziękujemy za zgłoszenie „${s}”. Jego numer to ${r}; prosimy podawać go w każdej wiadomości w tej sprawie.`, due: 'Nasze zobowiązania wynikające z umowy:', noSla: 'Odpowiemy najszybciej, jak to możliwe.' },
    reply: { subject: (r) => `Odp.: zgłoszenie serwisowe nr ${r}`, intro: 'Odpowiedź naszego zespołu wsparcia:', answerHint: 'Aby odpowiedzieć, wystarczy odpisać na tę wiadomość.' },
    resolved: { subject: (r) => `Zgłoszenie serwisowe nr ${r} zostało rozwiązane`, intro: 'Uznajemy zgłoszenie za rozwiązane:' },
    returns: {
      shipped: (r) => `Urządzenie zastępcze zostało wysłane (zgłoszenie nr ${r})`,
      shippedBody: (s, d, p) => `zweryfikowaliśmy usterkę i wysłaliśmy urządzenie zastępcze. Prosimy odesłać uszkodzone urządzenie (numer seryjny ${s}) do ${d}${p ? ' na podstawie przesłanego przez nas, opłaconego z góry listu przewozowego' : ''}.`,
      reminder: (r) => `Przypomnienie o zwrocie urządzenia (zgłoszenie nr ${r})`,
      reminderBody: (k, d) => `prosimy odesłać ${k === 'faulty' ? 'uszkodzone urządzenie' : 'urządzenie zastępcze z wypożyczenia'} do ${d}.`,
      overdue: (r) => `Minął termin zwrotu uszkodzonego urządzenia (zgłoszenie nr ${r})`,
      overdueBody: (d) => `uszkodzone urządzenie powinno do nas dotrzeć do ${d}. Prosimy o jak najszybsze odesłanie.`,
      charged: (r) => `Wypożyczone urządzenie nie zostało zwrócone (zgłoszenie nr ${r})`,
      chargedBody: (s, d, a) => `wypożyczone urządzenie (numer seryjny ${s}) należało zwrócić do ${d}. Zgodnie z umową obciążamy Państwa ceną katalogową: ${a}.`,
    },
  },
};

const dueLines = (t: TicketView, w: Words, f: Formatters): string =>
  t.clocks
    .filter((c) => c.dueAt)
    .map((c) => `${w.metrics[c.metric]}: ${f.instant(c.dueAt!, t.timeZone)}`)
    .join('\n');

/**
 * The reporter's e-mails for a locale (English for an unknown one); `closing` paragraphs (e.g. the
 * support-time credit balance) go before the signature of each.
 */
export function customerTicketTemplates(locale: Locale, closing: readonly string[] = []): TicketTemplates {
  const w = words[locale] ?? words.en;
  const g = greetingFor(locale);
  const mail = (t: TicketView, subject: string, body: string[]) => ({ subject, paragraphs: letter(g, t.contact.name, [...body, ...closing]) });
  return {
    TicketOpened: (t, f) => {
      const due = dueLines(t, w, f);
      return mail(t, w.opened.subject(t.ticketId), [w.opened.body(t.ticketId, t.subject), ...(due ? [w.opened.due, due] : [w.opened.noSla])]);
    },
    AgentReplied: (t, _f, e) => mail(t, w.reply.subject(t.ticketId), [w.reply.intro, e.payload.body, w.reply.answerHint]),
    TicketResolved: (t, _f, e) => mail(t, w.resolved.subject(t.ticketId), [w.resolved.intro, e.payload.resolution]),
    ReplacementShipped: (t, f, e) =>
      mail(t, w.returns.shipped(t.ticketId), [w.returns.shippedBody(e.payload.faultySerialNumber, f.instant(e.payload.returnDueAt, t.timeZone), e.payload.returnShippingPaidBy === 'vendor')]),
    DeviceReturnReminded: (t, f, e) => mail(t, w.returns.reminder(t.ticketId), [w.returns.reminderBody(e.payload.device, f.instant(e.payload.returnDueAt, t.timeZone))]),
    DeviceReturnOverdue: (t, f, e) => mail(t, w.returns.overdue(t.ticketId), [w.returns.overdueBody(f.instant(e.payload.returnDueAt, t.timeZone))]),
    LoanerCharged: (t, f, e) =>
      mail(t, w.returns.charged(t.ticketId), [w.returns.chargedBody(e.payload.loanerSerialNumber, f.instant(e.payload.returnDueAt, t.timeZone), f.money(e.payload.amount))]),
  };
}
