import type { Templates } from './types';

// German letters: no comma after the closing, and the text after "Guten Tag …," starts in lower case.
const signature = 'Mit freundlichen Grüßen\nIhr Support-Team';

const months = (n: number) => `${n} ${n === 1 ? 'Monat' : 'Monate'}`;

export const de: Templates = {
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
};
