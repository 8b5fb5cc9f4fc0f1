import type { Templates } from './types';

const signature = 'Med vänliga hälsningar\nSupportteamet';

const months = (n: number) => `${n} ${n === 1 ? 'månad' : 'månader'}`;

export const sv: Templates = {
  ContractActivated: (c, f) => ({
    subject: `Ditt supportavtal ${c.contractId} är bekräftat`,
    paragraphs: [
      `Hej ${c.customer.name}!`,
      `Tack för din beställning. Ditt supportavtal ${c.contractId} (paket ${c.planId}) gäller i ${months(c.termMonths)}, från ${f.date(c.termStartsOn)} till ${f.instant(c.termEndsAt, c.customer.timeZone)}.`,
      'Spara gärna avtalsnumret – du behöver det när du kontaktar supporten eller vill förnya avtalet.',
      signature,
    ],
  }),
  ContractExpired: (c, f) => ({
    subject: `Ditt supportavtal ${c.contractId} har löpt ut`,
    paragraphs: [
      `Hej ${c.customer.name}!`,
      `Ditt supportavtal ${c.contractId} (paket ${c.planId}) löpte ut den ${f.instant(c.expiredAt ?? c.termEndsAt, c.customer.timeZone)}. Utan ett giltigt avtal kan vi tyvärr inte längre erbjuda programuppdateringar eller teknisk support.`,
      'Vill du förnya avtalet? Svara bara på det här mejlet eller använd förnyelseformuläret på vår webbplats.',
      signature,
    ],
  }),
};
