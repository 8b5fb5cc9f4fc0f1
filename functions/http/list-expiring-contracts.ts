import * as z from 'zod';
import { monthsBetween, termEndPartition } from '../../domain/contract/lookups';
import { viewStore } from '../runtime/views';
import { LIST_ROLES, listContracts, PagingQuery } from './contract-list';
import { route } from './route';

const MAX_DAYS = 366;
const DAY_MS = 86_400_000;
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

/** The range's length in ms; NaN while either bound is itself invalid (reported on its own field). */
const span = (q: { from: string; to: string }) => Date.parse(q.to) - Date.parse(q.from);

const Query = z
  .strictObject({ from: instant, to: instant, ...PagingQuery })
  .refine((q) => !(span(q) <= 0), { path: ['to'], message: 'Must be after from.' })
  .refine((q) => !(span(q) > MAX_DAYS * DAY_MS), { path: ['to'], message: `At most ${MAX_DAYS} days after from.` });

/**
 * GET /v1/contracts/expiring?from=…&to=…: the contracts whose current term ends at or after
 * `from` and before `to`, by term end. Reads the month partitions of the range in order.
 */
export const handler = route({ roles: LIST_ROLES, query: Query }, async ({ query, caller }) => {
  const { from, to } = query;
  const page = await listContracts({
    views: viewStore(),
    caller: caller!,
    partitions: monthsBetween(from, to).map(termEndPartition),
    // Sort keys are `<termEndsAt>#<contractId>`: this range is exactly [from, to).
    from,
    to,
    limit: query.limit,
    cursor: query.cursor,
    keep: (view) => !!view.termEndsAt && new Date(view.termEndsAt).toISOString() >= from && new Date(view.termEndsAt).toISOString() < to,
  });
  return { status: 200, body: page };
});
