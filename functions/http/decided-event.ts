import type { EventType, NewEvent, PayloadOf } from '../../events/catalog';

/**
 * The payload of the first decided event of `type`, typed. `runCommand` hands `respond` the
 * decided events as `{ type }[]`; the decider made them, so they are `NewEvent`s.
 */
export function decidedPayload<T extends EventType>(events: readonly { type: string }[], type: T): PayloadOf<T> | undefined {
  const found = (events as readonly NewEvent[]).find((event) => event.type === type);
  return found?.payload as PayloadOf<T> | undefined;
}
