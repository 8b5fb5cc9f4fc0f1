import type { Locale } from '../../../events/contract';

/** What the monthly statement e-mail says, per language. */
export interface StatementWords {
  subject(month: string): string;
  intro(month: string): string;
  /** One line: "date — description: net net, VAT 8.1%: vat". */
  line(date: string, description: string, net: string, vat: string | undefined): string;
  vat(percent: string, amount: string): string;
  total(net: string, vat: string, gross: string): string;
  more(n: number): string;
  outro: string;
}

export const statementWords: Record<Locale, StatementWords> = {
  en: {
    subject: (m) => `Your statement for ${m}`,
    intro: (m) => `here is your statement for ${m}: what was booked to your account in that month.`,
    line: (d, desc, net, vat) => `${d} — ${desc}: ${net} net${vat ? `, ${vat}` : ''}`,
    vat: (p, a) => `VAT ${p}: ${a}`,
    total: (net, vat, gross) => `Total: ${net} net + ${vat} VAT = ${gross}`,
    more: (n) => `${n} more ${n === 1 ? 'line is' : 'lines are'} not listed here (the totals include them); ask us for the full statement.`,
    outro: 'If you have a question about a line, simply reply to this e-mail.',
  },
  fr: {
    subject: (m) => `Votre relevé de ${m}`,
    intro: (m) => `Voici votre relevé de ${m}\u00a0: ce qui a été comptabilisé sur votre compte ce mois-là.`,
    line: (d, desc, net, vat) => `${d} — ${desc}\u00a0: ${net} HT${vat ? `, ${vat}` : ''}`,
    vat: (p, a) => `TVA ${p}\u00a0: ${a}`,
    total: (net, vat, gross) => `Total\u00a0: ${net} HT + ${vat} TVA = ${gross} TTC`,
    more: (n) => `${n} ${n <= 1 ? 'autre ligne n’est pas listée' : 'autres lignes ne sont pas listées'} ici (les totaux les comprennent)\u00a0; demandez-nous le relevé complet.`,
    outro: 'Pour toute question sur une ligne, répondez simplement à cet e-mail.',
  },
  de: {
    subject: (m) => `Ihre Abrechnungsübersicht für ${m}`,
    intro: (m) => `hier Ihre Abrechnungsübersicht für ${m}: was in diesem Monat auf Ihr Konto gebucht wurde.`,
    line: (d, desc, net, vat) => `${d} — ${desc}: ${net} netto${vat ? `, ${vat}` : ''}`,
    vat: (p, a) => `MWST ${p}: ${a}`,
    total: (net, vat, gross) => `Total: ${net} netto + ${vat} MWST = ${gross}`,
    more: (n) => `${n} weitere ${n === 1 ? 'Position ist' : 'Positionen sind'} hier nicht aufgeführt (in den Totalen enthalten); die vollständige Übersicht erhalten Sie auf Anfrage.`,
    outro: 'Bei Fragen zu einer Position antworten Sie einfach auf diese E-Mail.',
  },
  sv: {
    subject: (m) => `Ditt kontoutdrag för ${m}`,
    intro: (m) => `här är ditt kontoutdrag för ${m}: det som bokades på ditt konto under månaden.`,
    line: (d, desc, net, vat) => `${d} — ${desc}: ${net} exkl. moms${vat ? `, ${vat}` : ''}`,
    vat: (p, a) => `moms ${p}: ${a}`,
    total: (net, vat, gross) => `Totalt: ${net} exkl. moms + ${vat} moms = ${gross}`,
    more: (n) => `${n} ${n === 1 ? 'rad till visas' : 'rader till visas'} inte här (de ingår i summorna); be oss om hela utdraget.`,
    outro: 'Har du frågor om en rad, svara bara på det här e-postmeddelandet.',
  },
  pl: {
    subject: (m) => `Zestawienie rozliczeń za ${m}`,
    intro: (m) => `przesyłamy zestawienie rozliczeń za ${m}: pozycje zaksięgowane na Państwa koncie w tym miesiącu.`,
    line: (d, desc, net, vat) => `${d} — ${desc}: ${net} netto${vat ? `, ${vat}` : ''}`,
    vat: (p, a) => `VAT ${p}: ${a}`,
    total: (net, vat, gross) => `Razem: ${net} netto + ${vat} VAT = ${gross} brutto`,
    more: (n) => `Pozostałe pozycje (${n}) nie zostały tu wymienione (są ujęte w sumach); pełne zestawienie prześlemy na prośbę.`,
    outro: 'W razie pytań dotyczących pozycji wystarczy odpowiedzieć na tę wiadomość.',
  },
};

export const statementWordsFor = (locale: Locale): StatementWords => (Object.hasOwn(statementWords, locale) ? statementWords[locale] : statementWords.en);
