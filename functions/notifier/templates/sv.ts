import { daysUntil } from './days';
import type { FeeLine, Formatters, Templates } from './types';

const signature = 'Med vänliga hälsningar\nSupportteamet';

const months = (n: number) => `${n} ${n === 1 ? 'månad' : 'månader'}`;
const days = (n: number) => `${n} ${n === 1 ? 'dag' : 'dagar'}`;

const feeLine = (line: FeeLine, f: Formatters): string => {
  switch (line.kind) {
    case 'back-support':
      return `Retroaktiv support för ${months(line.quantity)} à ${f.money(line.unitPrice)} per månad`;
    case 'penalty':
      return 'Återaktiveringsavgift';
    case 'minimum-fee':
      return 'Utfyllnad till lägsta återaktiveringsavgift';
  }
};

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
  RenewalReminded: (c, f, e) => {
    const left = daysUntil(e.payload.termEndsOn, e.occurredAt, c.customer.timeZone);
    return {
      subject: `Ditt supportavtal ${c.contractId} löper ut den ${f.date(e.payload.termEndsOn)}`,
      paragraphs: [
        `Hej ${c.customer.name}!`,
        `Ditt supportavtal ${c.contractId} (paket ${c.planId}) löper ut den ${f.date(e.payload.termEndsOn)}, om ${days(left)}.`,
        'Vill du förnya det? Svara bara på det här mejlet eller använd förnyelseformuläret på vår webbplats och ange ditt avtalsnummer. Förnyar du före slutdatumet fortsätter programuppdateringar och teknisk support utan avbrott.',
        signature,
      ],
    };
  },
  ContractLapsed: (c, f, e) => ({
    subject: `Ditt supportavtal ${c.contractId} har upphört`,
    paragraphs: [
      `Hej ${c.customer.name}!`,
      `Fristen för att förnya ditt supportavtal ${c.contractId} (paket ${c.planId}) gick ut den ${f.instant(e.payload.lapsedAt, c.customer.timeZone)}, så avtalet har nu upphört.`,
      'Du kan fortfarande förnya det, men en sen förnyelse kan medföra en återaktiveringsavgift. Svara på det här mejlet eller använd förnyelseformuläret på vår webbplats så skickar vi en offert.',
      signature,
    ],
  }),
  ContractRenewed: (c, f, e) => ({
    subject: `Ditt supportavtal ${c.contractId} är förnyat`,
    paragraphs: [
      `Hej ${c.customer.name}!`,
      `Tack för att du förnyar. Ditt supportavtal ${c.contractId} (paket ${c.planId}) gäller nu från ${f.date(e.payload.termStartsOn)} till ${f.instant(e.payload.termEndsAt, c.customer.timeZone)}.`,
      `Pris för den nya perioden: ${f.money(e.payload.price)}`,
      signature,
    ],
  }),
  ContractReinstated: (c, f, e) => ({
    subject: `Ditt supportavtal ${c.contractId} är återaktiverat`,
    paragraphs: [
      `Hej ${c.customer.name}!`,
      `Ditt supportavtal ${c.contractId} (paket ${c.planId}) är återaktiverat. Den nya perioden gäller från ${f.date(e.payload.termStartsOn)} till ${f.instant(e.payload.termEndsAt, c.customer.timeZone)}.`,
      'Eftersom avtalet hade upphört tillkommer en återaktiveringsavgift:',
      [...e.payload.lines.map((line) => `${feeLine(line, f)}: ${f.money(line.amount)}`), `Totalt: ${f.money(e.payload.total)}`].join('\n'),
      signature,
    ],
  }),
  SystemReviewDue: (c, f, e) => ({
    subject: `Dags för den årliga systemgenomgången (avtal ${c.contractId})`,
    paragraphs: [
      `Hej ${c.customer.name}!`,
      `Den årliga systemgenomgången som ingår i ditt supportavtal ${c.contractId} (paket ${c.planId}) ska göras från och med den ${f.date(e.payload.dueOn)}.`,
      'Du behöver inte göra något – vi hör av oss inom kort för att boka en tid.',
      signature,
    ],
  }),
};
