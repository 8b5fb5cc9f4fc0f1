import { DateTime } from 'luxon';
import * as z from 'zod';
import { ValidationError } from '../../domain/errors';
import { ledgerPartition, type LedgerLine } from '../../domain/ledger/line';
import { ledgerCsv, ledgerTotals } from '../../domain/ledger/statement';
import { viewStore } from '../runtime/views';
import type { RowKey } from '../views/view-store';
import { CustomerId } from './contract-bodies';
import { route } from './route';

/** The longest span one request covers, in days (both ends included). */
export const MAX_DAYS = 366;
/** Rows read per page. */
const PAGE = 1000;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) => DATE.test(s) && DateTime.fromISO(s, { zone: 'UTC' }).isValid;
const Day = z.string().refine(isDate, 'Use a date as YYYY-MM-DD.');
const days = (from: string, to: string) => DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days + 1;
const Params = z.object({ id: CustomerId });
const Query = z.strictObject({ from: Day.optional(), to: Day.optional(), format: z.enum(['json', 'csv']).default('json') });

/**
 * The range asked for; without `to`, today (UTC, the request's date); without `from`, the first
 * day of `to`'s year. A defaulted end is checked like a given one: `to` not before `from`, at
 * most MAX_DAYS days in all (a 400 naming the field given, `to` when both are).
 */
function range(query: { from?: string; to?: string }, now: string): { from: string; to: string } {
  const to = query.to ?? now.slice(0, 10);
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  const field = query.to !== undefined || query.from === undefined ? 'to' : 'from';
  if (from > to) throw new ValidationError([{ path: field, message: field === 'to' ? 'Give a date not before from.' : 'Give a date not after to (today by default).' }]);
  if (days(from, to) > MAX_DAYS) throw new ValidationError([{ path: field, message: `At most ${MAX_DAYS} days from from to to, both included.` }]);
  return { from, to };
}

/**
 * GET /v1/customers/{id}/ledger?from=YYYY-MM-DD&to=YYYY-MM-DD&format=json|csv — a customer's
 * invoice lines booked from `from` to `to` (both included, at most 366 days; defaults: `to` today
 * (UTC), `from` 1 January of `to`'s year), in date and line-id order. JSON `{ customerId, from,
 * to, lines, totals: [{ currency, net, vat, gross }] }` (signed minor units), or CSV as an
 * attachment (see domain/ledger/statement.ts for its columns and amounts). Roles: billing, admin.
 */
export const handler = route({ roles: ['billing', 'admin'], params: Params, query: Query }, async ({ params, query, now }) => {
  const customerId = params.id;
  const { from, to } = range(query, now);
  const views = viewStore();
  const lines: LedgerLine[] = [];
  let startKey: RowKey | undefined;
  do {
    const page = await views.queryRows(ledgerPartition(customerId), { from: `line#${from}#`, to: `line#${to}#\uffff`, limit: PAGE, ...(startKey ? { startKey } : {}) });
    for (const row of page.rows) lines.push(row.data as LedgerLine);
    startKey = page.nextKey;
  } while (startKey);
  if (query.format === 'csv')
    return {
      status: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="ledger-${customerId.replace(/[^A-Za-z0-9._-]/g, '_')}-${from}-${to}.csv"` },
      body: ledgerCsv(lines),
    };
  return { status: 200, body: { customerId, from, to, lines, totals: ledgerTotals(lines) } };
});
