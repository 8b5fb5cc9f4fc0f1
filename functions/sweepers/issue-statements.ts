import type { ScheduledEvent } from 'aws-lambda';
import type { LedgerLine } from '../../domain/ledger/line';
import { ledgerPartition, statementMonthPartition, statementMonthSort } from '../../domain/ledger/line';
import { statementDecider, statementStreamId } from '../../domain/statement/decider';
import { runCommand } from '../command-runner';
import { logger } from '../runtime/logger';
import { eventStore } from '../runtime/store';
import { viewStore } from '../runtime/views';
import type { RowKey, ViewStore } from '../views/view-store';

/** Customers per page of the month's markers; their statements are issued concurrently. */
const CUSTOMERS_PER_PAGE = 25;
const LINES_PER_PAGE = 500;
const ACTOR = 'issue-statements';

/** The calendar month (`YYYY-MM`, in UTC) before the one `time` falls in: the schedule runs on the 1st for the month just ended. */
export function previousMonth(time: string): string {
  const at = new Date(time);
  const month = at.getUTCMonth(); // 0-based: this month's index is the previous month's number
  const year = month === 0 ? at.getUTCFullYear() - 1 : at.getUTCFullYear();
  return `${year}-${String(month === 0 ? 12 : month).padStart(2, '0')}`;
}

/** Every row of a partition within [from, to], page by page. */
async function* rowsOf(views: ViewStore, partition: string, limit: number, range: { from?: string; to?: string } = {}) {
  let startKey: RowKey | undefined;
  do {
    const page = await views.queryRows(partition, { ...range, limit, ...(startKey ? { startKey } : {}) });
    yield page.rows;
    startKey = page.nextKey;
  } while (startKey);
}

/** A customer's ledger lines of a month, in ledger order (date, then line). */
async function linesOf(views: ViewStore, customerId: string, month: string): Promise<LedgerLine[]> {
  const lines: LedgerLine[] = [];
  for await (const rows of rowsOf(views, ledgerPartition(customerId), LINES_PER_PAGE, { from: `line#${month}-01`, to: `line#${month}-31~` })) {
    lines.push(...rows.map((r) => r.data as LedgerLine));
  }
  return lines;
}

export interface StatementRun {
  month: string;
  customers: number;
  issued: number;
  failed: number;
}

/**
 * Monthly, on the 1st: for each customer with ledger lines in the previous month (UTC), read from
 * the month's marker rows page by page, one `StatementIssued` on the new stream
 * `statement#<customerId>:<YYYY-MM>`, which the notifier mails. Issued once: a second run finds the
 * stream written and appends nothing. A customer that fails is logged and the run then fails as a
 * whole, so the schedule retries (the others are not issued twice).
 */
export async function handler(event: ScheduledEvent): Promise<StatementRun> {
  const views = viewStore();
  const month = previousMonth(event.time);
  const customerPrefix = statementMonthSort('');
  const run: StatementRun = { month, customers: 0, issued: 0, failed: 0 };
  for await (const markers of rowsOf(views, statementMonthPartition(month), CUSTOMERS_PER_PAGE)) {
    await Promise.all(
      markers.map(async ({ sort }) => {
        const customerId = sort.slice(customerPrefix.length);
        run.customers++;
        try {
          const { events } = await runCommand(eventStore(), {
            decider: statementDecider,
            streamId: statementStreamId(customerId, month),
            catalog: undefined,
            command: { type: 'IssueStatement', customerId, month, lines: await linesOf(views, customerId, month) },
            metadata: { occurredAt: event.time, correlationId: event.id, causationId: event.id, actor: { kind: 'system', id: ACTOR } },
            respond: () => undefined,
          });
          if (events.length > 0) run.issued++;
        } catch (error) {
          run.failed++;
          logger.error('statement failed', { month, customerId, error: error as Error });
        }
      }),
    );
  }
  logger.info('statements issued', { ...run });
  if (run.failed > 0) throw new Error(`${run.failed} of ${run.customers} statements of ${month} failed`);
  return run;
}
