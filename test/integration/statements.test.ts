import { randomUUID } from 'node:crypto';
import type { Context, EventBridgeEvent, ScheduledEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContractView } from '../../domain/contract/view';
import { ledgerPartition, ledgerSort, statementMonthPartition, statementMonthSort, type LedgerLine } from '../../domain/ledger/line';
import type { Row } from '../../domain/projection';
import { statementStreamId } from '../../domain/statement/decider';
import type { PayloadOf } from '../../events/catalog';
import { toIntegrationDetail, type IntegrationDetail } from '../../events/integration';
import { EventStore } from '../../functions/store/event-store';
import type { StatementRun } from '../../functions/sweepers/issue-statements';
import { MAX_TRANSACT_ITEMS, ViewStore } from '../../functions/views/view-store';
import { lambdaContext } from '../../infra/local/lambda-context';
import { createTestTables, dynamoClient, useEmulatorEnvironment } from '../support/emulators';
import { contractActivated, contractCreated } from '../support/fixtures';
import { mailsTo, uniqueEmail } from '../support/local-runtime';

/**
 * The monthly statements against DynamoDB Local and the SES emulator: ledger rows and the month's
 * customer markers written into the views table, the sweeper run on the schedule of 1 March (so
 * February, in UTC), one `StatementIssued` per customer, nothing more on a second run, and the
 * notifier's e-mail of it.
 */
describe('monthly statements', () => {
  const client = dynamoClient();
  let views: ViewStore;
  let store: EventStore;
  let issue: (event: ScheduledEvent) => Promise<StatementRun>;
  let notify: (event: EventBridgeEvent<string, IntegrationDetail>, context: Context) => Promise<unknown>;
  const run = randomUUID().slice(0, 8);
  const chf = (amount: number) => ({ amount, currency: 'CHF' });

  beforeAll(async () => {
    const tables = await createTestTables(client);
    useEmulatorEnvironment(tables);
    views = new ViewStore(client, tables.views);
    store = new EventStore({ client, eventsTable: tables.events });
    ({ handler: issue } = await import('../../functions/sweepers/issue-statements'));
    ({ handler: notify } = await import('../../functions/notifier/handler'));
  });

  const line = (customerId: string, contractId: string, date: string, n: number, overrides: Partial<LedgerLine> = {}): LedgerLine => ({
    lineId: `E${String(n).padStart(4, '0')}-0`, customerId, contractId, date, kind: 'support-time', ref: 'user-support', description: `Support time, ticket T-${n}`,
    quantity: 15, unit: 'minute', unitPrice: chf(17_500), net: chf(4_375), vat: { country: 'CH', percent: 8.1, amount: chf(354) }, billedBy: { party: 'vendor' },
    source: { streamId: `credit#${contractId}`, version: n, eventId: `E${n}`, type: 'WorkLogged' }, ...overrides,
  });

  /** Puts rows as the projector does (with a view write), at most one transaction's worth at a time. */
  async function putRows(rows: Row[]): Promise<void> {
    for (let i = 0; i < rows.length; i += MAX_TRANSACT_ITEMS - 1) {
      await views.put(`seed#${randomUUID()}`, { view: {}, version: 1, due: [] }, undefined, rows.slice(i, i + MAX_TRANSACT_ITEMS - 1));
    }
  }
  const lineRows = (lines: LedgerLine[]): Row[] => lines.map((l) => ({ partition: ledgerPartition(l.customerId), sort: ledgerSort(l), data: l }));
  const marker = (month: string, customerId: string): Row => ({ partition: statementMonthPartition(month), sort: statementMonthSort(customerId), data: { customerId } });

  async function contractView(contractId: string, email: string, locale: ContractView['customer']['locale']): Promise<void> {
    const ordered = contractCreated(contractId).payload as ContractView;
    const view: ContractView = {
      ...ordered, ...(contractActivated(contractId).payload as ContractView), customer: { ...ordered.customer, name: 'Fiduciaire Exemple SA', email, locale },
      status: 'active', createdAt: '2026-01-01T00:00:00.000Z', remindedOffsets: [], systemReviewsDue: [],
    };
    await views.put(`contract#${contractId}`, { view, version: 2, due: [] }, undefined);
  }

  const schedule = (time: string): ScheduledEvent => ({
    version: '0', id: randomUUID(), 'detail-type': 'Scheduled Event', source: 'aws.scheduler', account: '000000000000', time, region: 'eu-north-1',
    resources: ['monthly-statements'], detail: {},
  });

  it('issues one statement per customer with lines in the month before (UTC), once, and mails it to the contact of the latest contract', async () => {
    const month = '2027-02';
    const main = `cust-${run}-main`;
    const others = Array.from({ length: 30 }, (_, i) => `cust-${run}-${String(i).padStart(2, '0')}`);
    const email = uniqueEmail('fiduciaire');
    const [older, latest] = [`C-${run}-A`, `C-${run}-B`];
    await contractView(latest, email, 'fr');

    // The main customer: 104 lines in February over two contracts (the latest line on contract B), one in January and one in March.
    const february = Array.from({ length: 104 }, (_, i) => line(main, i === 103 ? latest : older, `2027-02-${String(1 + (i % 28)).padStart(2, '0')}`, i + 1));
    february[103] = { ...february[103], date: '2027-02-28', description: 'Profi, année de location', kind: 'agreement', net: chf(120_000), vat: { country: 'CH', percent: 8.1, amount: chf(9_720) } };
    const outside = [line(main, older, '2027-01-31', 900), line(main, older, '2027-03-01', 901)];
    await putRows([
      ...lineRows([...february, ...outside]),
      ...lineRows(others.map((c, i) => line(c, `C-${run}-${i}`, '2027-02-10', 1000 + i))),
      ...[main, ...others].map((c) => marker(month, c)),
    ]);

    // The schedule fires at 06:00 UTC on 1 March: the month before is February.
    const first = await issue(schedule('2027-03-01T06:00:00Z'));
    expect(first).toEqual({ month, customers: 31, issued: 31, failed: 0 });

    const { events } = await store.load(statementStreamId(main, month));
    expect(events.map((e) => e.type)).toEqual(['StatementIssued']);
    const statement = events[0].payload as PayloadOf<'StatementIssued'>;
    expect(statement).toMatchObject({ customerId: main, month, contractId: latest, moreLines: 4 });
    expect(statement.lines).toHaveLength(100);
    expect(statement.lines.every((l) => l.date.startsWith('2027-02'))).toBe(true);
    // Totals over all 104 lines: 103 of CHF 43.75 + 3.54 VAT, one of CHF 1,200.00 + 97.20.
    expect(statement.totals).toEqual([{ net: chf(103 * 4_375 + 120_000), vat: chf(103 * 354 + 9_720), gross: chf(103 * 4_729 + 129_720) }]);
    for (const c of others) expect((await store.load(statementStreamId(c, month))).events).toHaveLength(1);

    // A second run (a retried schedule) finds every stream written and appends nothing.
    const second = await issue(schedule('2027-03-01T06:05:00Z'));
    expect(second).toEqual({ month, customers: 31, issued: 0, failed: 0 });
    expect((await store.load(statementStreamId(main, month))).events).toHaveLength(1);

    // The notifier mails it to the latest contract's customer, in French, once however often it is delivered.
    const detail = toIntegrationDetail(events[0]);
    const busEvent = (): EventBridgeEvent<string, IntegrationDetail> => ({
      version: '0', id: randomUUID(), 'detail-type': 'StatementIssued', source: 'support-ledger', account: '000000000000', time: detail.occurredAt, region: 'eu-north-1', resources: [], detail,
    });
    await notify(busEvent(), lambdaContext('notifier', 30, 'eu-north-1'));
    await notify(busEvent(), lambdaContext('notifier', 30, 'eu-north-1'));
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    const text = mails[0].text.replace(/\s/g, ' ');
    expect(mails[0].subject).toBe('Votre relevé de février 2027');
    expect(text).toContain('1 février 2027 — Support time, ticket T-1 : 43,75 CHF HT, TVA 8,1 % : 3,54 CHF');
    // The latest line (28 February) is beyond the first 100: counted, and in the totals.
    expect(text).not.toContain('Profi, année de location');
    expect(text).toContain('4 autres lignes ne sont pas listées');
    expect(text).toContain('Total : 5 706,25 CHF HT + 461,82 CHF TVA = 6 168,07 CHF TTC');
    expect(mails[0].html).toContain('lang="fr"');
  });

  it('takes the month before in UTC, also across a year end', async () => {
    const { previousMonth } = await import('../../functions/sweepers/issue-statements');
    expect(previousMonth('2027-01-01T06:00:00Z')).toBe('2026-12');
    expect(previousMonth('2027-03-01T06:00:00Z')).toBe('2027-02');
    // 00:30 on 1 March in Zurich is still 28 February in UTC.
    expect(previousMonth('2027-02-28T23:30:00Z')).toBe('2027-01');
  });
});
