import { describe, expect, it } from 'vitest';
import type { LedgerLine } from '../../domain/ledger/line';
import { buildStatement, MAX_STATEMENT_LINES } from '../../domain/statement/build';
import { statementDecider, statementStreamId, type IssueStatement } from '../../domain/statement/decider';
import { StatementIssued } from '../../events/statement';
import { spec } from '../support/decider-spec';

const chf = (amount: number) => ({ amount, currency: 'CHF' });

const ledgerLine = (n: number, overrides: Partial<LedgerLine> = {}): LedgerLine => ({
  lineId: `E${String(n).padStart(4, '0')}-0`,
  customerId: 'CUST-1',
  contractId: 'C-1',
  date: `2026-02-${String(1 + (n % 28)).padStart(2, '0')}`,
  kind: 'support-time',
  ref: 'user-support',
  description: `Support time, ticket T-${n}`,
  quantity: 15,
  unit: 'minute',
  unitPrice: chf(17_500),
  net: chf(4_375),
  vat: { country: 'CH', percent: 8.1, amount: chf(354) },
  billedBy: { party: 'vendor' },
  source: { streamId: 'credit#C-1', version: n, eventId: `E${n}`, type: 'WorkLogged' },
  ...overrides,
});

const issue = (lines: LedgerLine[]): IssueStatement => ({ type: 'IssueStatement', customerId: 'CUST-1', month: '2026-02', lines });
const given = spec(statementDecider, { now: '2026-03-01T06:00:00Z', catalog: undefined });

describe('statement decider', () => {
  const lines = [
    ledgerLine(1),
    ledgerLine(2, { kind: 'agreement', description: 'Profi, rental year', net: chf(120_000), vat: { country: 'CH', percent: 8.1, amount: chf(9_720) } }),
    ledgerLine(3, { contractId: 'C-2', net: { amount: 5_000, currency: 'EUR' }, vat: undefined, unitPrice: { amount: 5_000, currency: 'EUR' } }),
    ledgerLine(4, { kind: 'support-time', net: chf(-4_375), vat: { country: 'CH', percent: 8.1, amount: chf(-354) }, reverses: 'E0001-0' }),
  ];

  it('issues the month once, with the lines, totals per currency and the contract of the latest line', () => {
    const statement = buildStatement('CUST-1', '2026-02', lines)!;
    given([]).when(issue(lines)).then([{ type: 'StatementIssued', payload: statement }]);
    expect(StatementIssued.parse(statement)).toEqual(statement);
    expect(statement.contractId).toBe('C-1');
    expect(statement.moreLines).toBe(0);
    expect(statement.lines[2]).toMatchObject({ contractId: 'C-2', vat: { amount: 0, currency: 'EUR' } });
    expect(statement.lines[2].vatPercent).toBeUndefined();
    expect(statement.lines[0]).toMatchObject({ vatPercent: 8.1, vat: chf(354), net: chf(4_375), date: '2026-02-02' });
    expect(statement.totals).toEqual([
      { net: chf(120_000), vat: chf(9_720), gross: chf(129_720) },
      { net: { amount: 5_000, currency: 'EUR' }, vat: { amount: 0, currency: 'EUR' }, gross: { amount: 5_000, currency: 'EUR' } },
    ]);
  });

  it('decides nothing once issued (a second run), nor for a month without lines', () => {
    const statement = buildStatement('CUST-1', '2026-02', lines)!;
    given([{ type: 'StatementIssued', payload: statement }]).when(issue([...lines, ledgerLine(9)])).then([]);
    given([]).when(issue([])).then([]);
  });

  it('lists at most 100 lines and counts the rest, with totals over all of them', () => {
    const many = Array.from({ length: MAX_STATEMENT_LINES + 7 }, (_, i) => ledgerLine(i + 1));
    const statement = buildStatement('CUST-1', '2026-02', many)!;
    expect(statement.lines).toHaveLength(100);
    expect(statement.moreLines).toBe(7);
    expect(statement.totals).toEqual([{ net: chf(4_375 * 107), vat: chf(354 * 107), gross: chf(4_729 * 107) }]);
    expect(StatementIssued.safeParse(statement).success).toBe(true);
  });

  it('names its stream after the customer and the month', () => {
    expect(statementStreamId('CUST-1', '2026-02')).toBe('statement#CUST-1:2026-02');
  });
});
