import { randomUUID } from 'node:crypto';
import { DescribeTableCommand, QueryCommand, ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NewEvent } from '../../events/catalog';
import { qualisysCatalog } from '../../domain/catalog/presets/qualisys';
import { customerPartition } from '../../domain/contract/lookups';
import { contractProjection } from '../../domain/contract/view';
import type { Projection } from '../../domain/projection';
import { applyToView } from '../../functions/projector/apply-to-views';
import { EventStore } from '../../functions/store/event-store';
import { LOOKUP_INDEX, VIEWS } from '../../functions/tables';
import { createTable } from '../../infra/local/create-tables';
import { ViewStore } from '../../functions/views/view-store';
import { createTestTables, dynamoClient } from '../support/emulators';
import { contractActivated, contractCreated, contractExpired, metadata } from '../support/fixtures';
import { testVault } from '../support/vault';

/** The lookup items the projector keeps next to each view, and paging through the `lookup` index (DynamoDB Local). */
describe('view lookups', () => {
  const client = dynamoClient();
  let table: string;
  let store: EventStore;
  let views: ViewStore;
  let subjectOf: (email: string) => Promise<string>;
  const projections = { contract: contractProjection(qualisysCatalog) as Projection<unknown> };
  const writes: string[] = [];

  beforeAll(async () => {
    const tables = await createTestTables(client);
    table = tables.views;
    // Sealed as in the deployed store: a contract is filed under its customer's subject, read from the sealed e-mail.
    const { sealer, seal } = testVault(client, tables.vault);
    subjectOf = (email) => sealer.subjectOf(email);
    store = new EventStore({ client, eventsTable: tables.events, idempotencyTable: tables.idempotency, seal });
    views = new ViewStore(recording(client, writes), table);
  });

  /** Appends `events` to a new or existing contract stream and lets the projector's core apply them. */
  async function append(streamId: string, events: NewEvent[]): Promise<void> {
    const { position } = await store.load(streamId);
    const result = await store.append(position, events, metadata());
    if (result.status !== 'appended') throw new Error('expected an append');
    await applyToView(result.events, projections, store, views);
  }

  const lookupItems = async (streamId: string) => {
    const { Items = [] } = await client.send(
      new ScanCommand({ TableName: table, ConsistentRead: true, FilterExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: streamId } } }),
    );
    return Object.fromEntries(Items.filter((i) => i.sk.S!.startsWith('lookup#')).map((i) => [i.sk.S!, [i.lookupPk.S, i.lookupSk.S]]));
  };

  it('writes the lookups with the view, moves them as the view changes and removes what no longer applies', async () => {
    const id = randomUUID();
    const streamId = `contract#${id}`;
    const email = `Ada+${id}@Example.com`;
    const customer = { name: 'Ada', email, locale: 'en', timeZone: 'Europe/Stockholm' };
    await append(streamId, [contractCreated(id, { customer })]);
    // Ordered only: findable under its customer (by its first term's start), nowhere else.
    expect(await lookupItems(streamId)).toEqual({ 'lookup#customer': [customerPartition(await subjectOf(email.toLowerCase())), `2025-12-31T23:00:00.000Z#${id}`] });
    expect(JSON.stringify(await lookupItems(streamId))).not.toContain('Example.com');

    await append(streamId, [contractActivated(id)]);
    const byTermEnd = `2026-12-31T23:00:00.000Z#${id}`;
    expect(await lookupItems(streamId)).toEqual({
      'lookup#customer': [customerPartition(await subjectOf(email)), byTermEnd],
      'lookup#term-end': ['term-end#2026-12', byTermEnd],
    });

    await append(streamId, [{ type: 'RenewalRequested', payload: { contractId: id, channel: 'website' } }]);
    expect((await lookupItems(streamId))['lookup#pipeline']).toEqual(['pipeline#requested', byTermEnd]);

    await append(streamId, [{ type: 'ContractCancelled', payload: { contractId: id, reason: 'customer left' } }]);
    // Cancelled: no term to expire, not in the pipeline; still the customer's contract.
    expect(await lookupItems(streamId)).toEqual({ 'lookup#customer': [customerPartition(await subjectOf(email)), byTermEnd] });
  });

  it('costs one plain write when the lookups and deadlines did not change, and one transaction when they did', async () => {
    const id = randomUUID();
    const streamId = `contract#${id}`;
    await append(streamId, [contractCreated(id), contractActivated(id)]);
    writes.length = 0;
    await append(streamId, [{ type: 'LicencePackagesChanged', payload: { contractId: id, from: 1, to: 3 } }]);
    expect(writes).toEqual(['PutItemCommand']);
    writes.length = 0;
    await append(streamId, [contractExpired(id)]);
    expect(writes).toEqual(['TransactWriteItemsCommand']);
    const stored = await views.get(streamId);
    expect(stored?.lookups?.map((l) => l.index)).toEqual(['customer', 'term-end']);
  });

  it('pages through a partition in sort order, within bounds, and refuses a start key from elsewhere', async () => {
    const partition = `test#${randomUUID()}`;
    const sorts = ['2027-01-05', '2027-01-01', '2027-02-01', '2027-01-20', '2027-03-01'];
    await Promise.all(
      sorts.map((sort, i) =>
        views.put(`contract#p${i}-${partition}`, { view: { i }, version: 1, due: [], lookups: [{ index: 'test', partition, sort }] }, undefined),
      ),
    );
    const pages: string[][] = [];
    let startKey;
    do {
      const page = await views.lookup(partition, { limit: 2, startKey });
      pages.push(page.entries.map((e) => e.sort));
      startKey = page.nextKey;
    } while (startKey);
    expect(pages.flat()).toEqual([...sorts].sort());
    expect(pages[0]).toEqual(['2027-01-01', '2027-01-05']);

    const bounded = await views.lookup(partition, { from: '2027-01-05', to: '2027-02-01', limit: 10 });
    expect(bounded.entries.map((e) => e.sort)).toEqual(['2027-01-05', '2027-01-20', '2027-02-01']);
    expect(bounded.nextKey).toBeUndefined();
    const fromOnly = await views.lookup(partition, { from: '2027-02-01', limit: 10 });
    expect(fromOnly.entries.map((e) => e.sort)).toEqual(['2027-02-01', '2027-03-01']);

    const first = await views.lookup(partition, { limit: 1 });
    await expect(views.lookup(`other#${randomUUID()}`, { limit: 1, startKey: first.nextKey })).rejects.toThrow(RangeError);
    await expect(views.lookup(partition, { from: '2027-02-01', limit: 1, startKey: first.nextKey })).rejects.toThrow(RangeError);

    const found = await views.getMany<{ i: number }>([first.entries[0].pk, 'contract#missing']);
    expect([...found.values()]).toEqual([{ i: 1 }]);
  });

  it('keeps the index keys-only and sparse: only lookup items are in it', async () => {
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: table,
        IndexName: LOOKUP_INDEX,
        KeyConditionExpression: 'lookupPk = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'term-end#2026-12' } },
      }),
    );
    expect(Items.length).toBeGreaterThan(0);
    for (const item of Items) {
      expect(Object.keys(item).sort()).toEqual(['lookupPk', 'lookupSk', 'pk', 'sk']);
      expect(item.sk.S).toBe('lookup#term-end');
    }
  });

  it('adds the lookup index to a views table kept from before it existed (a local data folder)', async () => {
    const name = `views-old-${randomUUID().slice(0, 8)}`;
    await createTable(client, { ...VIEWS, indexes: [VIEWS.indexes[0]] }, name);
    await createTable(client, VIEWS, name);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(['due', 'lookup']);
  });
});

/** The same client, recording the names of the write commands it sends. */
function recording(client: DynamoDBClient, names: string[]): DynamoDBClient {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop !== 'send') return Reflect.get(target, prop, receiver);
      return (command: { constructor: { name: string } }, ...rest: unknown[]) => {
        if (/Put|Transact|Delete|Update/.test(command.constructor.name)) names.push(command.constructor.name);
        return (target.send as (...a: unknown[]) => unknown).call(target, command, ...rest);
      };
    },
  });
}
