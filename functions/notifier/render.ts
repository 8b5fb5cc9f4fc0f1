import { DateTime } from 'luxon';
import type { ContractView } from '../../domain/contract/view';
import type { Mail } from '../mail/mailer';
import { toHtml, toText } from './message';
import { templatesFor } from './templates/index';
import type { Formatters, Templates } from './templates/types';

const formatters = (locale: string): Formatters => ({
  date: (isoDate) => DateTime.fromISO(isoDate).setLocale(locale).toLocaleString(DateTime.DATE_FULL),
  instant: (iso, timeZone) =>
    DateTime.fromISO(iso, { zone: timeZone }).setLocale(locale).toLocaleString({ ...DateTime.DATETIME_FULL, timeZoneName: 'short' }),
});

export const isMailed = (type: string): type is keyof Templates => type === 'ContractCreated' || type === 'ContractExpired';

/** The customer e-mail an event calls for, in the customer's language. */
export function render(type: keyof Templates, contract: ContractView): Omit<Mail, 'to'> {
  const { locale, templates } = templatesFor(contract.customer.locale);
  const message = templates[type](contract, formatters(locale));
  return { subject: message.subject, text: toText(message), html: toHtml(message, locale) };
}
