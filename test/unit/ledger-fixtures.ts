import type { DomainEvent, NewEvent } from '../../events/catalog';
import { contractDecider } from '../../domain/contract/decider';
import type { ContractCommand } from '../../domain/contract/commands';
import { fold } from '../../domain/decider';
import type { Catalog } from '../../domain/catalog/schema/catalog';

/** Stored events of one stream: versions from 1 (or `from`), ids `<stream>@<version>`, all at `at` unless an event says otherwise. */
export function streamOf(streamId: string, events: (NewEvent & { at?: string })[], at = '2025-03-10T09:00:00.000Z', from = 1): DomainEvent[] {
  return events.map(({ at: when, ...e }, i) => ({
    ...e,
    eventId: `${streamId}@${from + i}`,
    streamId,
    version: from + i,
    schemaVersion: 1,
    occurredAt: when ?? at,
    recordedAt: when ?? at,
    correlationId: 'c',
    causationId: 'c',
    actor: { kind: 'system', id: 'test' },
  }) as DomainEvent);
}

/** The events the contract decider decides for `commands` in turn (each on the state the ones before left). */
export function decided(catalog: Catalog, commands: ContractCommand[], now = '2025-03-10T09:00:00.000Z'): NewEvent[] {
  const events: NewEvent[] = [];
  for (const command of commands) {
    const state = fold(contractDecider, streamOf('contract#x', events));
    events.push(...contractDecider.decide(command, state, { now, catalog }));
  }
  return events;
}
