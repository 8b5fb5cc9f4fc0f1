import { daysUntil } from './days';
import { quoteText, termEndedBy } from './quote';
import type { FeeLine, Formatters, OrderLine, Templates } from './types';

const signature = 'Kind regards,\nYour support team';

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

const feeLine = (line: FeeLine, f: Formatters): string => {
  switch (line.kind) {
    case 'back-support':
      return `Back-support for ${line.quantity} ${line.quantity === 1 ? 'month' : 'months'} at ${f.money(line.unitPrice)} a month`;
    case 'penalty':
      return 'Reactivation fee';
    case 'minimum-fee':
      return 'Up to the minimum reactivation fee';
  }
};

const months = (n: number) => `${n} ${n === 1 ? 'month' : 'months'}`;

const orderLine = (line: OrderLine, termMonths: number): string => {
  switch (line.kind) {
    case 'plan':
      return `Plan ${line.ref}, ${months(termMonths)}`;
    case 'add-on':
      return `Add-on ${line.ref}`;
    case 'extra-person':
      return `Additional registered persons (${line.ref})`;
  }
};

export const en: Templates = {
  ContractOrdered: (c, f, e) => ({
    subject: `We have received your order ${e.payload.contractId}`,
    paragraphs: [
      `Dear ${c.customer.name},`,
      `thank you for your order, which we have received under the number ${e.payload.contractId}: plan ${e.payload.planId} for ${months(e.payload.termMonths)}, starting on ${f.date(e.payload.startsOn)}.`,
      'Your quote:',
      quoteText(e.payload.quote, f, (line) => orderLine(line, e.payload.termMonths), 'Total'),
      'The agreement is not active yet: we will confirm by e-mail as soon as it is. Please quote this number if you have any questions about your order.',
      signature,
    ],
  }),
  RenewalRequested: (c, f, e) => {
    const ended = termEndedBy(c, e.occurredAt);
    return {
      subject: `We have received your renewal request for agreement ${c.contractId}`,
      paragraphs: [
        `Dear ${c.customer.name},`,
        `thank you for your request to renew your support agreement ${c.contractId} (plan ${c.planId}). ${ended ? `Its last term ended on ${f.date(c.termEndsOn)}.` : `Its current term ends on ${f.date(c.termEndsOn)}.`}`,
        ...(ended ? ['As the term has already ended, a late renewal may carry a reactivation fee; if so, our offer will show it.'] : []),
        'We will shortly send you our renewal offer and the next steps by e-mail. There is nothing else you need to do for now.',
        signature,
      ],
    };
  },
  ContractActivated: (c, f) => ({
    subject: `Your support agreement ${c.contractId} is confirmed`,
    paragraphs: [
      `Dear ${c.customer.name},`,
      `thank you for your order. Your support agreement ${c.contractId} (plan ${c.planId}) runs for ${c.termMonths} months, from ${f.date(c.termStartsOn)} until ${f.instant(c.termEndsAt, c.customer.timeZone)}.`,
      'Please keep this number: you will need it when you ask for support or renew.',
      signature,
    ],
  }),
  ContractExpired: (c, f) => ({
    subject: `Your support agreement ${c.contractId} has expired`,
    paragraphs: [
      `Dear ${c.customer.name},`,
      `your support agreement ${c.contractId} (plan ${c.planId}) ended on ${f.instant(c.expiredAt ?? c.termEndsAt, c.customer.timeZone)}. Without an active agreement we cannot provide software updates or technical support.`,
      'To renew it, reply to this e-mail or use the renewal form on our website.',
      signature,
    ],
  }),
  RenewalReminded: (c, f, e) => {
    const left = daysUntil(e.payload.termEndsOn, e.occurredAt, c.customer.timeZone);
    return {
      subject: `Your support agreement ${c.contractId} ends on ${f.date(e.payload.termEndsOn)}`,
      paragraphs: [
        `Dear ${c.customer.name},`,
        `your support agreement ${c.contractId} (plan ${c.planId}) ends on ${f.date(e.payload.termEndsOn)}, in ${days(left)}.`,
        'To renew it for another term, simply reply to this e-mail or use the renewal form on our website with your contract number. Renewing before the end keeps your software updates and technical support without interruption.',
        signature,
      ],
    };
  },
  ContractLapsed: (c, f, e) => ({
    subject: `Your support agreement ${c.contractId} has lapsed`,
    paragraphs: [
      `Dear ${c.customer.name},`,
      `the grace period for renewing your support agreement ${c.contractId} (plan ${c.planId}) ended on ${f.instant(e.payload.lapsedAt, c.customer.timeZone)}, so the agreement has now lapsed.`,
      'You can still renew it, but a late renewal may carry a reactivation fee. Reply to this e-mail or use the renewal form on our website and we will send you a quote.',
      signature,
    ],
  }),
  ContractRenewed: (c, f, e) => ({
    subject: `Your support agreement ${c.contractId} has been renewed`,
    paragraphs: [
      `Dear ${c.customer.name},`,
      `thank you for renewing. Your support agreement ${c.contractId} (plan ${c.planId}) now runs from ${f.date(e.payload.termStartsOn)} until ${f.instant(e.payload.termEndsAt, c.customer.timeZone)}.`,
      `Price of the new term: ${f.money(e.payload.price)}`,
      signature,
    ],
  }),
  ContractReinstated: (c, f, e) => ({
    subject: `Your support agreement ${c.contractId} has been reinstated`,
    paragraphs: [
      `Dear ${c.customer.name},`,
      `your support agreement ${c.contractId} (plan ${c.planId}) has been reinstated. The new term runs from ${f.date(e.payload.termStartsOn)} until ${f.instant(e.payload.termEndsAt, c.customer.timeZone)}.`,
      'As the agreement had lapsed, a reactivation fee applies:',
      [...e.payload.lines.map((line) => `${feeLine(line, f)}: ${f.money(line.amount)}`), `Total: ${f.money(e.payload.total)}`].join('\n'),
      'Your software updates and technical support resume as soon as the fee is paid.',
      signature,
    ],
  }),
  ReactivationFeePaid: (c, f, e) => ({
    subject: `Payment received for support agreement ${c.contractId}`,
    paragraphs: [
      `Dear ${c.customer.name},`,
      `thank you: we have received ${f.money(e.payload.paid)} towards the reactivation fee of your support agreement ${c.contractId} (reference ${e.payload.reference}).`,
      e.payload.outstanding.amount > 0
        ? `Still to pay: ${f.money(e.payload.outstanding)}. Your software updates and technical support resume once the fee is paid in full; the current term runs until ${f.instant(c.termEndsAt, c.customer.timeZone)}.`
        : `The fee is now paid in full, and your software updates and technical support are available again until ${f.instant(c.termEndsAt, c.customer.timeZone)}.`,
      signature,
    ],
  }),
  ContractCancelled: (c, f, e) => ({
    subject: `Your support agreement ${c.contractId} has been cancelled`,
    paragraphs: [
      `Dear ${c.customer.name},`,
      `your support agreement ${c.contractId} (plan ${c.planId}) was cancelled on ${f.instant(e.occurredAt, c.customer.timeZone)}. Reason: ${e.payload.reason}`,
      'From now on it covers no software updates and no technical support. To be supported again, please place a new order on our website.',
      signature,
    ],
  }),
  SystemReviewDue: (c, f, e) => ({
    subject: `Your yearly system review is due (agreement ${c.contractId})`,
    paragraphs: [
      `Dear ${c.customer.name},`,
      `the yearly system review included in your support agreement ${c.contractId} (plan ${c.planId}) is due on ${f.date(e.payload.dueOn)}.`,
      'There is nothing you need to do: we will contact you shortly to agree on a date.',
      signature,
    ],
  }),
};
