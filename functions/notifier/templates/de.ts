import { daysUntil } from './days';
import { quoteText, termEndedBy } from './quote';
import type { FeeLine, Formatters, OrderLine, Templates } from './types';

// German letters: no comma after the closing, and the text after "Guten Tag …," starts in lower case.
const signature = 'Mit freundlichen Grüßen\nIhr Support-Team';

const months = (n: number) => `${n} ${n === 1 ? 'Monat' : 'Monate'}`;
/** Dative, as after "in": "in 1 Tag", "in 30 Tagen". */
const days = (n: number) => `${n} ${n === 1 ? 'Tag' : 'Tagen'}`;

const feeLine = (line: FeeLine, f: Formatters): string => {
  switch (line.kind) {
    case 'back-support':
      return `Rückwirkender Support für ${months(line.quantity)} zu je ${f.money(line.unitPrice)}`;
    case 'penalty':
      return 'Reaktivierungsgebühr';
    case 'minimum-fee':
      return 'Aufstockung auf die Mindest-Reaktivierungsgebühr';
  }
};

const orderLine = (line: OrderLine, termMonths: number): string => {
  switch (line.kind) {
    case 'plan':
      return `Paket ${line.ref}, ${months(termMonths)}`;
    case 'add-on':
      return `Zusatzleistung ${line.ref}`;
    case 'extra-person':
      return `Weitere registrierte Personen (${line.ref})`;
  }
};

export const de: Templates = {
  ContractOrdered: (c, f, e) => ({
    subject: `Ihre Bestellung ${e.payload.contractId} ist bei uns eingegangen`,
    paragraphs: [
      `Guten Tag ${c.customer.name},`,
      `vielen Dank für Ihre Bestellung, die wir unter der Nummer ${e.payload.contractId} erfasst haben: Paket ${e.payload.planId} mit einer Laufzeit von ${months(e.payload.termMonths)} ab dem ${f.date(e.payload.startsOn)}.`,
      'Ihr Angebot im Überblick:',
      quoteText(e.payload.quote, f, (line) => orderLine(line, e.payload.termMonths), 'Gesamt'),
      'Der Vertrag ist noch nicht aktiv: Sobald er aktiviert ist, erhalten Sie von uns eine Bestätigung per E-Mail. Bitte geben Sie bei Rückfragen zu Ihrer Bestellung diese Nummer an.',
      signature,
    ],
  }),
  RenewalRequested: (c, f, e) => {
    const ended = termEndedBy(c, e.occurredAt);
    return {
      subject: `Ihre Verlängerungsanfrage für den Supportvertrag ${c.contractId} ist eingegangen`,
      paragraphs: [
        `Guten Tag ${c.customer.name},`,
        `vielen Dank für Ihre Anfrage, Ihren Supportvertrag ${c.contractId} (Paket ${c.planId}) zu verlängern. ${ended ? `Die letzte Laufzeit endete am ${f.date(c.termEndsOn)}.` : `Die aktuelle Laufzeit endet am ${f.date(c.termEndsOn)}.`}`,
        ...(ended ? ['Da die Laufzeit bereits abgelaufen ist, kann für die verspätete Verlängerung eine Reaktivierungsgebühr anfallen; sie ist dann in unserem Angebot aufgeführt.'] : []),
        'Wir senden Ihnen in Kürze unser Verlängerungsangebot und die nächsten Schritte per E-Mail. Bis dahin müssen Sie nichts weiter tun.',
        signature,
      ],
    };
  },
  ContractActivated: (c, f) => ({
    subject: `Bestätigung Ihres Supportvertrags ${c.contractId}`,
    paragraphs: [
      `Guten Tag ${c.customer.name},`,
      `vielen Dank für Ihre Bestellung. Ihr Supportvertrag ${c.contractId} (Paket ${c.planId}) läuft ${months(c.termMonths)}, vom ${f.date(c.termStartsOn)} bis zum ${f.instant(c.termEndsAt, c.customer.timeZone)}.`,
      'Bitte bewahren Sie diese Vertragsnummer gut auf: Sie benötigen sie, wenn Sie unseren Support in Anspruch nehmen oder den Vertrag verlängern möchten.',
      signature,
    ],
  }),
  ContractExpired: (c, f) => ({
    subject: `Ihr Supportvertrag ${c.contractId} ist abgelaufen`,
    paragraphs: [
      `Guten Tag ${c.customer.name},`,
      `Ihr Supportvertrag ${c.contractId} (Paket ${c.planId}) endete am ${f.instant(c.expiredAt ?? c.termEndsAt, c.customer.timeZone)}. Ohne gültigen Vertrag können wir Ihnen leider keine Software-Updates und keinen technischen Support mehr bieten.`,
      'Wenn Sie den Vertrag verlängern möchten, antworten Sie einfach auf diese E-Mail oder nutzen Sie das Verlängerungsformular auf unserer Website.',
      signature,
    ],
  }),
  RenewalReminded: (c, f, e) => {
    const left = daysUntil(e.payload.termEndsOn, e.occurredAt, c.customer.timeZone);
    return {
      subject: `Ihr Supportvertrag ${c.contractId} endet am ${f.date(e.payload.termEndsOn)}`,
      paragraphs: [
        `Guten Tag ${c.customer.name},`,
        `Ihr Supportvertrag ${c.contractId} (Paket ${c.planId}) endet am ${f.date(e.payload.termEndsOn)}, also in ${days(left)}.`,
        'Um ihn zu verlängern, antworten Sie einfach auf diese E-Mail oder nutzen Sie das Verlängerungsformular auf unserer Website mit Ihrer Vertragsnummer. Wenn Sie vor dem Ende verlängern, erhalten Sie Software-Updates und technischen Support ohne Unterbrechung.',
        signature,
      ],
    };
  },
  ContractLapsed: (c, f, e) => ({
    subject: `Ihr Supportvertrag ${c.contractId} ist erloschen`,
    paragraphs: [
      `Guten Tag ${c.customer.name},`,
      `die Nachfrist für die Verlängerung Ihres Supportvertrags ${c.contractId} (Paket ${c.planId}) ist am ${f.instant(e.payload.lapsedAt, c.customer.timeZone)} abgelaufen; der Vertrag ist damit erloschen.`,
      'Sie können ihn weiterhin verlängern, bei einer verspäteten Verlängerung kann jedoch eine Reaktivierungsgebühr anfallen. Antworten Sie auf diese E-Mail oder nutzen Sie das Verlängerungsformular auf unserer Website, dann senden wir Ihnen ein Angebot.',
      signature,
    ],
  }),
  ContractRenewed: (c, f, e) => ({
    subject: `Ihr Supportvertrag ${c.contractId} wurde verlängert`,
    paragraphs: [
      `Guten Tag ${c.customer.name},`,
      `vielen Dank für Ihre Verlängerung. Ihr Supportvertrag ${c.contractId} (Paket ${c.planId}) läuft nun vom ${f.date(e.payload.termStartsOn)} bis zum ${f.instant(e.payload.termEndsAt, c.customer.timeZone)}.`,
      `Preis der neuen Laufzeit: ${f.money(e.payload.price)}`,
      signature,
    ],
  }),
  ContractReinstated: (c, f, e) => ({
    subject: `Ihr Supportvertrag ${c.contractId} wurde reaktiviert`,
    paragraphs: [
      `Guten Tag ${c.customer.name},`,
      `Ihr Supportvertrag ${c.contractId} (Paket ${c.planId}) wurde reaktiviert. Die neue Laufzeit geht vom ${f.date(e.payload.termStartsOn)} bis zum ${f.instant(e.payload.termEndsAt, c.customer.timeZone)}.`,
      'Da der Vertrag erloschen war, fällt eine Reaktivierungsgebühr an:',
      [...e.payload.lines.map((line) => `${feeLine(line, f)}: ${f.money(line.amount)}`), `Gesamt: ${f.money(e.payload.total)}`].join('\n'),
      'Software-Updates und technischer Support stehen Ihnen wieder zur Verfügung, sobald die Gebühr bezahlt ist.',
      signature,
    ],
  }),
  ReactivationFeePaid: (c, f, e) => ({
    subject: `Zahlung für Supportvertrag ${c.contractId} erhalten`,
    paragraphs: [
      `Guten Tag ${c.customer.name},`,
      `vielen Dank: Wir haben ${f.money(e.payload.paid)} auf die Reaktivierungsgebühr Ihres Supportvertrags ${c.contractId} erhalten (Referenz ${e.payload.reference}).`,
      e.payload.outstanding.amount > 0
        ? `Noch offen: ${f.money(e.payload.outstanding)}. Software-Updates und technischer Support stehen Ihnen wieder zur Verfügung, sobald die Gebühr vollständig bezahlt ist; die laufende Vertragszeit geht bis zum ${f.instant(c.termEndsAt, c.customer.timeZone)}.`
        : `Die Gebühr ist vollständig bezahlt. Software-Updates und technischer Support stehen Ihnen wieder zur Verfügung, bis zum ${f.instant(c.termEndsAt, c.customer.timeZone)}.`,
      signature,
    ],
  }),
  ContractCancelled: (c, f, e) => ({
    subject: `Ihr Supportvertrag ${c.contractId} wurde gekündigt`,
    paragraphs: [
      `Guten Tag ${c.customer.name},`,
      `Ihr Supportvertrag ${c.contractId} (Paket ${c.planId}) wurde am ${f.instant(e.occurredAt, c.customer.timeZone)} gekündigt. Grund: ${e.payload.reason}`,
      'Er umfasst ab jetzt weder Software-Updates noch technischen Support. Wenn Sie wieder betreut werden möchten, bestellen Sie bitte neu auf unserer Website.',
      signature,
    ],
  }),
  SystemReviewDue: (c, f, e) => ({
    subject: `Ihre jährliche Systemprüfung steht an (Vertrag ${c.contractId})`,
    paragraphs: [
      `Guten Tag ${c.customer.name},`,
      `die in Ihrem Supportvertrag ${c.contractId} (Paket ${c.planId}) enthaltene jährliche Systemprüfung ist ab dem ${f.date(e.payload.dueOn)} fällig.`,
      'Sie müssen nichts weiter tun: Wir melden uns in Kürze bei Ihnen, um einen Termin zu vereinbaren.',
      signature,
    ],
  }),
};
