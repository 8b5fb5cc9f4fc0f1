import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { qualisysCatalog } from '../../domain/catalog/presets/qualisys';
import { contractProjection } from '../../domain/contract/view';
import { EventStore } from '../../functions/store/event-store';
import { ViewStore } from '../../functions/views/view-store';
import { scheduledEvent } from '../../infra/local/scheduler';
import { countDueIndexReads } from '../support/due-reads';
import { createTestTables, dynamoClient, useEmulatorEnvironment } from '../support/emulators';
import { contractActivated, contractCreated, metadata } from '../support/fixtures';

/** The expiry sweeper reads only the due index, so what it reads grows with what is due. */
describe('expire-contracts sweeper', () => {
  const client = dynamoClient();
  let store: EventStore;
  let views: ViewStore;
  let indexItemsRead = 0;
  let sweep: typeof import('../../functions/sweepers/expire-contracts').handler;

  beforeAll(async () => {
    const tables = await createTestTables(client);
    useEmulatorEnvironment(tables);
    store = new EventStore({ client, eventsTable: tables.events, idempotencyTable: tables.idempotency });
    views = new ViewStore(client, tables.views);
    ({ handler: sweep } = await import('../../functions/sweepers/expire-contracts'));
    await countDueIndexReads((items) => (indexItemsRead += items));
  });

  /** An active contract in the store and its projected view, its term ending at `endsAt`. */
  async function contractEnding(endsAt: string): Promise<string> {
    const contractId = randomUUID();
    const streamId = `contract#${contractId}`;
    const { position } = await store.load(streamId);
    const result = await store.append(position, [contractCreated(contractId), contractActivated(contractId, { termEndsAt: endsAt })], metadata());
    if (result.status !== 'appended') throw new Error('expected an append');
    const projection = contractProjection(qualisysCatalog);
    const view = result.events.reduce<unknown>((v, e) => projection.evolve(v as never, e), undefined) as never;
    await views.put(streamId, { view, version: 2, due: projection.due(view) }, undefined);
    return streamId;
  }

  it('expires exactly the due contracts, reading only them from the index', async () => {
    const later = await Promise.all(Array.from({ length: 120 }, (_, i) => contractEnding(`2031-0${1 + (i % 9)}-15T10:00:00.000Z`)));
    const due = await Promise.all(Array.from({ length: 6 }, (_, i) => contractEnding(`2030-12-${10 + i}T23:00:00.000Z`)));
    indexItemsRead = 0;
    const result = await sweep(scheduledEvent('expire-contracts', new Date('2030-12-31T00:05:00Z'), 'eu-north-1'));
    expect(result).toEqual({ due: 6, failed: 0 });
    expect(indexItemsRead).toBe(6);
    for (const streamId of due) {
      const events = await store.read(streamId);
      expect(events.map((e) => e.type)).toEqual(['ContractOrdered', 'ContractActivated', 'ContractExpired']);
      expect(events[2]).toMatchObject({ occurredAt: '2030-12-31T00:05:00Z', actor: { kind: 'system', id: 'expire-contracts' } });
    }
    for (const streamId of later.slice(0, 10)) expect(await store.version(streamId)).toBe(2);
  });

  it('is idempotent: the due index may lag, a second sweep appends nothing new', async () => {
    const streamId = await contractEnding('2029-06-01T00:00:00.000Z');
    const event = scheduledEvent('expire-contracts', new Date('2029-06-02T00:05:00Z'), 'eu-north-1');
    await sweep(event);
    await sweep(event);
    expect(await store.version(streamId)).toBe(3);
  });
});
