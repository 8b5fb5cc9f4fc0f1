import type { ContractView } from '../../domain/contract/view';
import type { Mail } from '../mail/mailer';
import { toMail } from './message';
import { templatesFor } from './templates/index';
import type { ContractFor, Formatters, MailedContract, MailedEvent, MailedType, Template, TermlessType } from './templates/types';

/** Digits after the decimal point of a currency (2 for EUR, 0 for JPY), as `domain/catalog/money` counts them (not imported: it would bundle zod). */
const minorDigits = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** Dates and money in the customer's language with the platform's Intl (no library needed for formatting). */
export const formatters = (locale: string): Formatters => ({
  date: (isoDate) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`)),
  instant: (iso, timeZone) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(iso)) +
    ` (${timeZone})`,
  month: (yearMonth) => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${yearMonth}-01T00:00:00Z`)),
  percent: (percent) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(percent / 100),
  money: ({ amount, currency }) => {
    const digits = minorDigits(currency);
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount / 10 ** digits);
  },
});

/** Every mailed type, listed once; the compiler checks it against `MailedType`. */
const mailed: Record<MailedType, true> = {
  ContractOrdered: true,
  RenewalRequested: true,
  ContractActivated: true,
  ContractExpired: true,
  RenewalReminded: true,
  ContractLapsed: true,
  ContractRenewed: true,
  ContractReinstated: true,
  ReactivationFeePaid: true,
  ContractCancelled: true,
  SystemReviewDue: true,
};

export const MAILED_TYPES = Object.keys(mailed) as MailedType[];

export const isMailed = (type: string): type is MailedType => Object.hasOwn(mailed, type);

/**
 * Whether an event of a mailed type calls for its e-mail. The order-received mail confirms the
 * website's order form only: a staff order is placed and activated at once, and the activation
 * mail confirms it.
 */
export const callsForMail = (type: MailedType, payload: unknown): boolean =>
  type !== 'ContractOrdered' || (payload as { channel?: unknown } | undefined)?.channel === 'website';

/** Mails that may go out before the contract has a term. */
const termless: Record<TermlessType, true> = { ContractOrdered: true, ContractCancelled: true };

const hasTerm = (contract: ContractView): contract is MailedContract =>
  contract.termStartsOn !== undefined && contract.termEndsOn !== undefined && contract.termStartsAt !== undefined && contract.termEndsAt !== undefined;

/** The customer e-mail an event calls for, in the customer's language. */
export function render<T extends MailedType>(type: T, contract: ContractView, event: MailedEvent<T>): Omit<Mail, 'to'> {
  const { locale, templates } = templatesFor(contract.customer.locale);
  if (!Object.hasOwn(termless, type) && !hasTerm(contract)) throw new Error(`${type} mail for contract ${contract.contractId}, which has no term yet`);
  // `templates[type]` is `Templates[T]`, which TypeScript does not narrow to `Template<T>` by itself.
  const message = (templates[type] as Template<T>)(contract as ContractFor<T>, formatters(locale), event);
  return toMail(message, locale);
}
