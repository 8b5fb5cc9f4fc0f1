import type { Row } from '../projection';
import { ledgerPartition, ledgerSort, statementMonthPartition, statementMonthSort, type LedgerLine } from './line';

/**
 * The rows of ledger lines: each line under its customer's partition, sorted by date then line
 * id, and, once per customer and month, the marker saying the customer has lines in that month
 * (the monthly statements read these).
 */
export function ledgerRows(lines: readonly LedgerLine[]): Row[] {
  const rows: Row[] = lines.map((line) => ({ partition: ledgerPartition(line.customerId), sort: ledgerSort(line), data: line }));
  const markers = new Map<string, Row>();
  for (const line of lines) {
    const partition = statementMonthPartition(line.date.slice(0, 7));
    const sort = statementMonthSort(line.customerId);
    markers.set(`${partition} ${sort}`, { partition, sort, data: {} });
  }
  return [...rows, ...markers.values()];
}

const LEDGER_PREFIX = ledgerPartition('');

/** Whether a row is a ledger line (not a month marker). */
export const isLedgerRow = (row: Row): row is Row & { data: LedgerLine } => row.partition.startsWith(LEDGER_PREFIX);
