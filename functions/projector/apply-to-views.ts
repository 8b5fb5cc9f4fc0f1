import type { DomainEvent } from '../../events/catalog';
import { streamCategory } from '../../events/envelope';
import type { Projection, Row } from '../../domain/projection';
import type { EventStore } from '../store/event-store';
import { MAX_TRANSACT_ITEMS, type StoredView, type ViewStore } from '../views/view-store';

/**
 * Brings one stream's view up to `upTo` (the newest of `events`, all of that stream, in order).
 * Idempotent: what the view has already applied is skipped. When the view lags behind the
 * first event given (a rebuilt table, a lost record), the missing events are read from the store.
 *
 * The rows the events add (ledger lines …) go in the same write as the view version that applied
 * them, so a view and its rows land together or not at all, and a redelivered event (skipped)
 * writes nothing again. When the pending events' rows do not fit one transaction (100 actions
 * with the view, its deadlines and lookups), they are applied in consecutive chunks, each one
 * write at its last event's version.
 */
export async function applyToView(
  events: readonly DomainEvent[],
  projections: Record<string, Projection<unknown>>,
  store: EventStore,
  views: ViewStore,
): Promise<void> {
  const last = events.at(-1);
  if (!last) return;
  const projection = projections[streamCategory(last.streamId)];
  if (!projection) return;
  const pk = last.streamId;
  let stored = await views.get<unknown>(pk);
  const applied = stored?.version ?? 0;
  if (last.version <= applied) return;
  let pending = events.filter((e) => e.version > applied);
  if (pending[0].version !== applied + 1) {
    pending = (await store.read(pk, applied + 1)).filter((e) => e.version <= last.version);
  }
  const storedAt = (view: unknown, version: number): StoredView<unknown> => ({
    view,
    version,
    due: projection.due(view),
    lookups: projection.lookups?.(view) ?? [],
  });
  let view = stored?.view;
  let version = applied;
  let rows: Row[] = [];
  for (const event of pending) {
    const next = projection.evolve(view, event);
    const added = projection.rows?.(view, event, next) ?? [];
    if (rows.length > 0 && added.length > 0 && rows.length + added.length + views.viewWriteCount(pk, storedAt(next, event.version), stored) > MAX_TRANSACT_ITEMS) {
      // Write what fits, at the version before this event, and go on from there.
      const chunk = storedAt(view, version);
      await views.put(pk, chunk, stored, rows);
      stored = chunk;
      rows = [];
    }
    view = next;
    version = event.version;
    rows.push(...added);
  }
  await views.put(pk, storedAt(view, version), stored, rows);
}
