import * as z from 'zod';
import { allRequestsPartition, isOverdue, openRequestsPartition, type PrivacyRequestView } from '../../domain/privacy/request-view';
import { viewStore } from '../runtime/views';
import { listViews, PagingQuery } from './contract-list';
import { route } from './route';

const Query = z.strictObject({ status: z.enum(['open', 'overdue', 'all']).default('open'), ...PagingQuery });

/**
 * GET /v1/privacy/requests?status=open|overdue|all (DPO): privacy requests with their deadline
 * (one month from receipt). `open`: confirmed and not yet answered, soonest deadline first;
 * `overdue`: those of them past their deadline; `all`: every request, in order of receipt.
 */
export const handler = route({ roles: ['dpo', 'admin'], query: Query }, async ({ query, caller, now }) => {
  const open = query.status !== 'all';
  const page = await listViews<PrivacyRequestView, unknown>(
    {
      views: viewStore(),
      caller: caller!,
      partitions: [open ? openRequestsPartition : allRequestsPartition],
      // Open entries sort by `<dueBy>#<requestId>`: the overdue ones are those up to now.
      ...(query.status === 'overdue' ? { to: now } : {}),
      limit: query.limit,
      cursor: query.cursor,
      keep: (view) => (query.status === 'overdue' ? isOverdue(view, now) : open ? view.status === 'confirmed' : true),
    },
    (view) => ({ ...view, overdue: isOverdue(view, now) }),
    () => undefined,
  );
  return { status: 200, body: page };
});
