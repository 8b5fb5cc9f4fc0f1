import * as z from 'zod';
import { Locale } from '../../events/contract';
import { Severity, TicketChannel } from '../../events/ticket';
import type { TicketView } from '../../domain/ticket/view';
import { dueTimes } from '../../domain/ticket/view';
import type { PayloadOf } from '../../events/catalog';

/** Request-body pieces of the ticket routes. */

export const Contact = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254),
  phone: z.string().trim().min(3).max(40).optional(),
  locale: Locale,
});

export const Report = {
  category: z.string().trim().min(1).max(64).regex(/^[a-z0-9][a-z0-9-]*$/, 'A category id such as "general" or "database-backup".'),
  severity: Severity,
  subject: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(10_000),
  contact: Contact,
  serialNumber: z.string().trim().min(1).max(64).optional(),
};

export { TicketChannel };

/** `{id}` in ticket routes: a ULID. */
export const TicketIdParams = z.object({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Not a ticket id.') });

/** What a caller learns when a ticket opens: its reference and the due times of its running SLA clocks. */
export function openedAnswer(opened: PayloadOf<'TicketOpened'>, openedAt: string) {
  return {
    ticketId: opened.ticketId,
    reference: opened.ticketId,
    level: opened.level,
    handler: opened.handler,
    priority: opened.priority,
    sla: dueTimes(opened, openedAt).map(({ metric, dueAt }) => ({
      metric,
      dueAt,
      dueAtLocal: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: opened.timeZone }).format(new Date(dueAt)) + ` (${opened.timeZone})`,
    })),
  };
}

export type { TicketView };
