import type { DomainEvent } from '../../events/catalog';
import type { Catalog } from '../catalog/schema/catalog';
import { streamCategory } from '../../events/envelope';
import type { LedgerLine } from './line';
import { ledgerProjections } from './projections';
import { isLedgerRow } from './rows';

const byLine = (a: LedgerLine, b: LedgerLine): number =>
  a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : a.lineId < b.lineId ? -1 : a.lineId > b.lineId ? 1 : 0;

/**
 * The whole ledger from the events alone (in any order): each stream folded in version order
 * through the projector's own projections, their rows' ledger lines collected (a line a stream
 * gives twice is one row), sorted by customer, date and line id. It equals what the projector
 * stored, so it checks the read model and can rebuild it.
 */
export function rebuildLedger(events: readonly DomainEvent[], catalog: Catalog): LedgerLine[] {
  const projections = ledgerProjections(catalog);
  const streams = new Map<string, DomainEvent[]>();
  for (const event of events) {
    if (!projections[streamCategory(event.streamId)]?.rows) continue;
    const stream = streams.get(event.streamId);
    if (stream) stream.push(event);
    else streams.set(event.streamId, [event]);
  }
  const lines = new Map<string, LedgerLine>();
  for (const [streamId, stream] of streams) {
    const projection = projections[streamCategory(streamId)];
    stream.sort((a, b) => a.version - b.version);
    let view: unknown;
    for (const event of stream) {
      const next = projection.evolve(view, event);
      for (const row of projection.rows!(view, event, next)) if (isLedgerRow(row)) lines.set(`${row.partition} ${row.sort}`, row.data);
      view = next;
    }
  }
  return [...lines.values()].sort(byLine);
}
