import type { Formatters } from '../templates/types';
import type { StaffTicketType, TicketTemplate } from './types';

/** E-mails to the provider's staff (the catalog's support address) and escalation contact, in English. */

const metric = (m: string) => m.replace('-', ' ');
const where = (ticketId: string) => `Ticket ${ticketId}: GET /v1/tickets/${ticketId}`;

export const staffTicketTemplates: { [T in StaffTicketType]: TicketTemplate<T> } = {
  SlaWarningRaised: (t, f: Formatters, e) => ({
    subject: `SLA warning: ${metric(e.payload.metric)} on ${t.ticketId} due ${f.instant(e.payload.dueAt, t.sla?.calendar.timeZone ?? t.timeZone)}`,
    paragraphs: [
      `${e.payload.percent} % of the ${metric(e.payload.metric)} target of ticket ${t.ticketId} (“${t.subject}”, severity ${t.severity}${t.priority ? ', priority' : ''}) has run.`,
      `It is due ${f.instant(e.payload.dueAt, t.sla?.calendar.timeZone ?? t.timeZone)} (${t.sla?.windowName ?? 'no service window'}).`,
      where(t.ticketId),
    ],
  }),
  SlaBreached: (t, f, e) => ({
    subject: `SLA breached: ${metric(e.payload.metric)} on ${t.ticketId}`,
    paragraphs: [
      `The ${metric(e.payload.metric)} target of ticket ${t.ticketId} (“${t.subject}”, severity ${t.severity}${t.priority ? ', priority' : ''}) was due ${f.instant(e.payload.dueAt, t.sla?.calendar.timeZone ?? t.timeZone)} and has not been met.`,
      where(t.ticketId),
    ],
  }),
  TicketEscalated: (t, _f, e) => ({
    subject: `Escalation: ticket ${t.ticketId}`,
    paragraphs: [`Ticket ${t.ticketId} (“${t.subject}”, contract ${t.contractId}) was escalated to you.`, `Reason: ${e.payload.reason}`, where(t.ticketId)],
  }),
};
