import { expect } from 'vitest';
import type { DomainEvent, NewEvent } from '../../events/catalog';
import { fold, type DecideContext, type Decider } from '../../domain/decider';

let version = 0;

/** Wraps decided events in an envelope so they can be given as history. */
export const stored = (events: NewEvent[], streamId = 'contract#C1'): DomainEvent[] =>
  events.map(
    (e) =>
      ({
        ...e, eventId: `E${++version}`, streamId, version, schemaVersion: 1, occurredAt: '2025-01-01T00:00:00.000Z',
        recordedAt: '2025-01-01T00:00:00.000Z', correlationId: 'c', causationId: 'c', actor: { kind: 'system', id: 'test' },
      }) as DomainEvent,
  );

/** Given/when/then for a decider (emmett's style): given events, when a command, then events or an error. */
export function spec<C, S, Cat>(decider: Decider<C, S, Cat>, context: DecideContext<Cat>) {
  return (given: NewEvent[]) => ({
    when: (command: C, at: Partial<DecideContext<Cat>> = {}) => {
      const run = () => decider.decide(command, fold(decider, stored(given)), { ...context, ...at });
      return {
        then: (expected: NewEvent[]) => expect(run()).toEqual(expected),
        thenThrows: (error: unknown) => expect(run).toThrow(error as never),
        thenFails: (check: (error: unknown) => void) => {
          try {
            run();
          } catch (error) {
            return check(error);
          }
          throw new Error('expected the command to be refused');
        },
      };
    },
  });
}
