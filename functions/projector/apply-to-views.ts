import type { DomainEvent } from '../../events/catalog';
import { streamCategory } from '../../events/envelope';
import type { Projection } from '../../domain/projection';
import type { EventStore } from '../store/event-store';
import type { ViewStore } from '../views/view-store';

/**
 * Brings one stream's view up to `upTo` (the newest of `events`, all of that stream, in order).
 * Idempotent: what the view has already applied is skipped. When the view lags behind the
 * first event given (a rebuilt table, a lost record), the missing events are read from the store.
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
  const stored = await views.get<unknown>(last.streamId);
  const applied = stored?.version ?? 0;
  if (last.version <= applied) return;
  let pending = events.filter((e) => e.version > applied);
  if (pending[0].version !== applied + 1) {
    pending = (await store.read(last.streamId, applied + 1)).filter((e) => e.version <= last.version);
  }
  const view = pending.reduce<unknown>((v, e) => projection.evolve(v, e), stored?.view);
  await views.put(last.streamId, { view, version: last.version, due: projection.due(view), lookups: projection.lookups?.(view) ?? [] }, stored);
}
