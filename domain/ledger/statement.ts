import { csvField } from '../ticket/compliance';
import type { LedgerLine, SignedMoney } from './line';

/** Net, VAT and gross of lines in one currency (signed minor units). */
export interface LedgerTotal {
  currency: string;
  net: number;
  vat: number;
  gross: number;
}

/** What a line adds to the gross: its net plus its VAT (none without a rate). */
export const grossOf = (line: LedgerLine): number => line.net.amount + (line.vat?.amount.amount ?? 0);

/** The totals per currency, in currency order. */
export function ledgerTotals(lines: readonly LedgerLine[]): LedgerTotal[] {
  const totals = new Map<string, LedgerTotal>();
  for (const line of lines) {
    const currency = line.net.currency;
    const total = totals.get(currency) ?? { currency, net: 0, vat: 0, gross: 0 };
    total.net += line.net.amount;
    total.vat += line.vat?.amount.amount ?? 0;
    total.gross += grossOf(line);
    totals.set(currency, total);
  }
  return [...totals.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}

const minorDigits = new Map<string, number>();
/** The currency's minor digits (ISO 4217, as Intl knows them: 2 for CHF, EUR, USD, PLN; 0 for JPY). */
function digitsOf(currency: string): number {
  let digits = minorDigits.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    minorDigits.set(currency, digits);
  }
  return digits;
}

/** Minor units as a plain decimal in major units (`-1234` EUR → `-12.34`): no grouping, a point, the currency's digits. */
export function majorUnits(minor: number, currency: string): string {
  const digits = digitsOf(currency);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** The CSV columns, in order (the header line). */
export const LEDGER_CSV_COLUMNS = [
  'lineId', 'date', 'contractId', 'ticketId', 'kind', 'ref', 'description', 'quantity', 'unit', 'unitPrice', 'currency', 'net',
  'vatCountry', 'vatPercent', 'vat', 'gross', 'billedBy', 'remitsToVendor', 'sourceStream', 'sourceVersion', 'sourceEvent', 'reverses',
] as const;

function csvRecord(line: LedgerLine): Record<(typeof LEDGER_CSV_COLUMNS)[number], string | number | null> {
  const money = (m: SignedMoney) => majorUnits(m.amount, m.currency);
  const billedBy = line.billedBy;
  return {
    lineId: line.lineId,
    date: line.date,
    contractId: line.contractId,
    ticketId: line.ticketId ?? null,
    kind: line.kind,
    ref: line.ref,
    description: line.description,
    quantity: line.quantity,
    unit: line.unit,
    unitPrice: money(line.unitPrice),
    currency: line.net.currency,
    net: money(line.net),
    vatCountry: line.vat?.country ?? null,
    vatPercent: line.vat?.percent ?? null,
    vat: line.vat ? money(line.vat.amount) : null,
    gross: majorUnits(grossOf(line), line.net.currency),
    billedBy: billedBy.party === 'reseller' ? `reseller:${billedBy.distributorId}` : 'vendor',
    remitsToVendor: billedBy.party === 'reseller' ? money(billedBy.remitsToVendor) : null,
    sourceStream: line.source.streamId,
    sourceVersion: line.source.version,
    sourceEvent: `${line.source.type}:${line.source.eventId}`,
    reverses: line.reverses ?? null,
  };
}

/**
 * The lines as CSV (RFC 4180, CRLF line ends): one header line, one record per line. Amounts are
 * in major units with the currency's minor digits and a decimal point (`-12.34`), no grouping;
 * empty fields where a line has no ticket, VAT, reseller or reversal.
 */
export function ledgerCsv(lines: readonly LedgerLine[]): string {
  const records = [LEDGER_CSV_COLUMNS.join(','), ...lines.map((line) => {
    const record = csvRecord(line);
    return LEDGER_CSV_COLUMNS.map((c) => csvField(record[c])).join(',');
  })];
  return records.map((r) => `${r}\r\n`).join('');
}
