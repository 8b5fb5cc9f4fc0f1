import type { Catalog } from '../../../domain/catalog/schema/catalog';
import type { CreditBalance } from '../../../domain/credit/balance';
import type { TicketView } from '../../../domain/ticket/view';
import type { Mail } from '../../mail/mailer';
import { toMail } from '../message';
import { formatters } from '../render';
import { balanceLineIn } from '../credit/render-credit';
import { customerTicketTemplates } from './customer-templates';
import { staffTicketTemplates } from './staff-templates';
import type { CustomerTicketType, StaffTicketType, TicketTemplate } from './types';

const customerTypes: Record<CustomerTicketType, true> = { TicketOpened: true, AgentReplied: true, TicketResolved: true, ReplacementShipped: true, DeviceReturnReminded: true, DeviceReturnOverdue: true, LoanerCharged: true };
const staffTypes: Record<StaffTicketType, true> = { SlaWarningRaised: true, SlaBreached: true, TicketEscalated: true };

export const TICKET_MAILED_TYPES = [...Object.keys(customerTypes), ...Object.keys(staffTypes)] as (CustomerTicketType | StaffTicketType)[];
export const isCustomerTicketMailed = (type: string): type is CustomerTicketType => Object.hasOwn(customerTypes, type);
export const isTicketMailed = (type: string): type is CustomerTicketType | StaffTicketType => Object.hasOwn(customerTypes, type) || Object.hasOwn(staffTypes, type);

const emailsFor = (catalog: Catalog, purpose: 'support' | 'escalation') => catalog.contacts.filter((c) => c.purpose === purpose && c.channel === 'email').map((c) => c.address);

/**
 * Who hears of a ticket event: the reporter (acknowledgement, each public reply, the resolution,
 * the replacement shipped and the faulty device's return, loaner reminders and charges, in their
 * language); the provider's support address (the catalog's `support` e-mail contact) of
 * SLA warnings and breaches, and its escalation address of breaches and of escalations to it.
 * Undefined when nobody is to be mailed (e.g. an escalation between levels, or a catalog without
 * the address). `balance`, when given, is the contract's support-time credit, stated before the
 * signature of every e-mail to the reporter (catalogs whose `credit.balanceInEveryReply` is set).
 */
export function renderTicketMail(
  type: CustomerTicketType | StaffTicketType,
  ticket: TicketView,
  event: { payload: unknown; occurredAt: string },
  catalog: Catalog,
  balance?: CreditBalance,
): Mail | undefined {
  if (isCustomerTicketMailed(type)) {
    const locale = ticket.contact.locale;
    const closing = balance ? [balanceLineIn(locale, balance)] : [];
    const message = (customerTicketTemplates(locale, closing)[type] as TicketTemplate<CustomerTicketType>)(ticket, formatters(locale), event as never);
    return { to: ticket.contact.email, ...toMail(message, locale) };
  }
  const to =
    type === 'SlaWarningRaised' ? emailsFor(catalog, 'support')
    : type === 'SlaBreached' ? [...emailsFor(catalog, 'support'), ...emailsFor(catalog, 'escalation')]
    : (event.payload as { toEscalationContact?: boolean }).toEscalationContact ? emailsFor(catalog, 'escalation')
    : [];
  if (to.length === 0) return undefined;
  const message = (staffTicketTemplates[type as StaffTicketType] as TicketTemplate<StaffTicketType>)(ticket, formatters('en'), event as never);
  return { to, ...toMail(message, 'en') };
}
