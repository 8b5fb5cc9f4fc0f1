import type { Templates } from './types';

const signature = 'Kind regards,\nYour support team';

export const en: Templates = {
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
};
