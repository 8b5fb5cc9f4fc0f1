import type { TicketView } from '../../../domain/ticket/view';
import type { PayloadOf } from '../../../events/catalog';
import type { Message } from '../message';
import type { Formatters } from '../templates/types';

/** Ticket e-mails to the reporter, in their language. */
export type CustomerTicketType = 'TicketOpened' | 'AgentReplied' | 'TicketResolved' | 'ReplacementShipped' | 'DeviceReturnReminded' | 'DeviceReturnOverdue' | 'LoanerCharged';
/** Ticket e-mails to the provider's staff and escalation contact (in English). */
export type StaffTicketType = 'SlaWarningRaised' | 'SlaBreached' | 'TicketEscalated';

export type TicketTemplate<T extends CustomerTicketType | StaffTicketType> = (
  ticket: TicketView,
  f: Formatters,
  event: { payload: PayloadOf<T>; occurredAt: string },
) => Message;

export type TicketTemplates = { [T in CustomerTicketType]: TicketTemplate<T> };

/** What an SLA metric is called, per language. */
export type MetricNames = Record<PayloadOf<'SlaBreached'>['metric'], string>;
