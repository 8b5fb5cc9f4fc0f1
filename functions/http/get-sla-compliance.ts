import * as z from 'zod';
import { slaCompliance, toCsv, type ComplianceInput } from '../../domain/ticket/compliance';
import { slaMonthPartition, type TicketView } from '../../domain/ticket/view';
import { viewStore } from '../runtime/views';
import type { LookupKey } from '../views/view-store';
import { route } from './route';

/** The longest span one report covers, in months (both ends included). */
export const MAX_MONTHS = 24;
/** Index entries read per lookup page, and views fetched per `getMany`. */
const PAGE = 500;

const MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
const Month = z.string().regex(MONTH, 'Use a month as YYYY-MM.');
/** The span checks apply only to two well-formed months (a malformed one is reported on its own). */
const months = (q: { from: string; to: string }) => MONTH.test(q.from) && MONTH.test(q.to);
const monthIndex = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number): string => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

const Query = z
  .strictObject({
    from: Month,
    to: Month,
    planId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'Not a plan id.').optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine((q) => !months(q) || q.from <= q.to, { message: 'Give a month not before from.', path: ['to'] })
  .refine((q) => !months(q) || q.from > q.to || monthIndex(q.to) - monthIndex(q.from) < MAX_MONTHS, { message: `At most ${MAX_MONTHS} months from from.`, path: ['to'] });

/**
 * GET /v1/reports/sla-compliance?from=YYYY-MM&to=YYYY-MM&planId=…&format=json|csv — SLA
 * compliance per plan, month (UTC, of the ticket's opening) and target, over the months from
 * `from` to `to` inclusive (at most 24), optionally for one plan (see domain/ticket/compliance.ts
 * for what is counted). JSON `{ from, to, planId?, rows }`, or CSV as an attachment.
 *
 * Roles: admin, agent-l1, billing. A distributor agent (agent-l0) is refused with a 403: the
 * report counts every customer's tickets, and a share of them would be a different report.
 *
 * Reads every ticket of those months through the `sla-month` lookup (one partition per month,
 * sorted by plan, so a plan is a key range), page by page, and the views in chunks.
 */
export const handler = route({ roles: ['admin', 'agent-l1', 'billing'], query: Query }, async ({ query }) => {
  const { from, to, planId, format } = query;
  const views = viewStore();
  const range = planId ? { from: `${planId}#`, to: `${planId}#\uffff` } : {};
  const inputs: ComplianceInput[] = [];
  for (let m = monthIndex(from); m <= monthIndex(to); m++) {
    let startKey: LookupKey | undefined;
    do {
      const page = await views.lookup(slaMonthPartition(monthOf(m)), { ...range, limit: PAGE, ...(startKey ? { startKey } : {}) });
      startKey = page.nextKey;
      const found = await views.getMany<TicketView>(page.entries.map((e) => e.pk));
      for (const view of found.values()) {
        // The index is eventually consistent: the view itself has the last word on its plan.
        if (planId && view.planId !== planId) continue;
        inputs.push({ planId: view.planId, openedAt: view.openedAt, clocks: view.clocks });
      }
    } while (startKey);
  }
  const rows = slaCompliance(inputs);
  if (format === 'csv')
    return {
      status: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="sla-compliance-${from}-${to}.csv"` },
      body: toCsv(rows),
    };
  return { status: 200, body: { from, to, ...(planId ? { planId } : {}), rows } };
});
