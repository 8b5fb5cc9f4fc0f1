import type { ContractView } from '../../domain/contract/view';
import type { Mail } from '../mail/mailer';
import { toHtml, toText } from './message';
import { templatesFor } from './templates/index';
import type { Formatters, MailedContract, Templates } from './templates/types';

/** Dates in the customer's language with the platform's Intl (no library needed for formatting). */
const formatters = (locale: string): Formatters => ({
  date: (isoDate) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`)),
  instant: (iso, timeZone) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(iso)) +
    ` (${timeZone})`,
});

export const isMailed = (type: string): type is keyof Templates => type === 'ContractActivated' || type === 'ContractExpired';

const hasTerm = (contract: ContractView): contract is MailedContract =>
  contract.termStartsOn !== undefined && contract.termEndsOn !== undefined && contract.termStartsAt !== undefined && contract.termEndsAt !== undefined;

/** The customer e-mail an event calls for, in the customer's language. */
export function render(type: keyof Templates, contract: ContractView): Omit<Mail, 'to'> {
  const { locale, templates } = templatesFor(contract.customer.locale);
  if (!hasTerm(contract)) throw new Error(`${type} mail for contract ${contract.contractId}, which has no term yet`);
  const message = templates[type](contract, formatters(locale));
  return { subject: message.subject, text: toText(message), html: toHtml(message, locale) };
}
