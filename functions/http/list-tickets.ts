import * as z from 'zod';
import { ForbiddenError } from '../../domain/errors';
import { CONTRACT_TICKETS_LOOKUP, queuePartition, type TicketView } from '../../domain/ticket/view';
import { viewStore } from '../runtime/views';
import { isDistributorOnly } from './auth';
import { listViews, PagingQuery } from './contract-list';
import { route } from './route';

const Query = z
  .strictObject({
    /** `vendor`, or `distributor:<id>`. */
    queue: z.string().regex(/^(vendor|distributor:[A-Za-z0-9_-]{1,64})$/, 'Use "vendor" or "distributor:<id>".').optional(),
    contractId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Not a contract id.').optional(),
    ...PagingQuery,
  })
  .refine((q) => (q.queue === undefined) !== (q.contractId === undefined), { message: 'Give either queue or contractId.', path: ['queue'] });

const summary = (v: TicketView) => ({
  ticketId: v.ticketId,
  contractId: v.contractId,
  subject: v.subject,
  severity: v.severity,
  priority: v.priority,
  status: v.status,
  level: v.level,
  openedAt: v.openedAt,
  nextDueAt: v.clocks.map((c) => c.dueAt).filter((d): d is string => d !== undefined).sort()[0],
  breached: v.clocks.some((c) => c.breached),
});

/**
 * GET /v1/tickets?queue=vendor|distributor:<id> — the open tickets a queue holds, priority
 * (Support+) first, then oldest first; or ?contractId=… — a contract's tickets, oldest first. A
 * distributor agent reads only its own distributor's queue.
 */
export const handler = route({ roles: ['admin', 'agent-l1', 'agent-l0', 'billing'], query: Query }, async ({ query, caller }) => {
  let partition: string;
  if (query.queue) {
    const [provider, distributorId] = query.queue.split(':') as ['vendor' | 'distributor', string | undefined];
    if (isDistributorOnly(caller!) && (provider !== 'distributor' || distributorId !== caller!.distributorId))
      throw new ForbiddenError("A distributor agent reads only its own distributor's queue.");
    partition = queuePartition({ provider, ...(distributorId ? { distributorId } : {}) });
  } else partition = `${CONTRACT_TICKETS_LOOKUP}#${query.contractId}`;
  const page = await listViews({ views: viewStore(), caller: caller!, partitions: [partition], limit: query.limit, cursor: query.cursor, keep: (v) => !query.queue || v.status !== 'resolved' }, summary, (v: TicketView) => v.handler.distributorId);
  return { status: 200, body: page };
});
