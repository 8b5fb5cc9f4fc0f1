import type { StatementIssued, StatementLine } from '../../events/statement';
import type { LedgerLine, SignedMoney } from '../ledger/line';

/** The most lines a statement event (and its e-mail) lists; the rest are counted in `moreLines`. */
export const MAX_STATEMENT_LINES = 100;

const zero = (currency: string): SignedMoney => ({ amount: 0, currency });

export const statementLine = (line: LedgerLine): StatementLine => ({
  lineId: line.lineId,
  date: line.date,
  contractId: line.contractId,
  kind: line.kind,
  description: line.description,
  net: line.net,
  ...(line.vat ? { vatPercent: line.vat.percent } : {}),
  vat: line.vat?.amount ?? zero(line.net.currency),
});

/** Net, VAT and gross of all `lines`, one total per currency, in the order the currencies first appear. */
export function totalsOf(lines: readonly LedgerLine[]): StatementIssued['totals'] {
  const totals = new Map<string, { net: number; vat: number }>();
  for (const line of lines) {
    const total = totals.get(line.net.currency) ?? { net: 0, vat: 0 };
    total.net += line.net.amount;
    total.vat += line.vat?.amount.amount ?? 0;
    totals.set(line.net.currency, total);
  }
  return [...totals].map(([currency, t]) => ({ net: { amount: t.net, currency }, vat: { amount: t.vat, currency }, gross: { amount: t.net + t.vat, currency } }));
}

/**
 * A customer's statement of a month from its ledger lines in ledger order (date, then line): the
 * first MAX_STATEMENT_LINES lines, the count of the rest, totals over all of them, and the contract
 * of the latest line (whose customer contact receives it). Undefined when there are no lines.
 */
export function buildStatement(customerId: string, month: string, lines: readonly LedgerLine[]): StatementIssued | undefined {
  const latest = lines.at(-1);
  if (!latest) return undefined;
  return {
    customerId,
    month,
    contractId: latest.contractId,
    lines: lines.slice(0, MAX_STATEMENT_LINES).map(statementLine),
    moreLines: Math.max(0, lines.length - MAX_STATEMENT_LINES),
    totals: totalsOf(lines),
  };
}
