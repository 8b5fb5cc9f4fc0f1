import { ScanCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord, EventBridgeEvent } from 'aws-lambda';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EventStore } from '../../functions/store/event-store';
import { LocalBus } from '../../infra/local/bus';
import { createTestTables, dynamoClient, useEmulatorEnvironment, type TableNames } from '../support/emulators';
import { contractActivated, contractCreated, contractExpired, metadata, uniqueStream } from '../support/fixtures';
import { streamEvent, streamRecords } from '../support/stream-records';

/** The projector against DynamoDB Local and the local bus (which speaks EventBridge's PutEvents API). */
describe('projector', () => {
  const client = dynamoClient();
  let tables: TableNames;
  let store: EventStore;
  let bus: LocalBus;
  let delivered: EventBridgeEvent<string, { eventId: string }>[];
  let project: typeof import('../../functions/projector/handler').handler;

  beforeAll(async () => {
    tables = await createTestTables(client);
    useEmulatorEnvironment(tables);
    bus = new LocalBus(async (_name, event) => void delivered.push(event as never), 'eu-north-1', 1);
    process.env.AWS_ENDPOINT_URL_EVENTBRIDGE = await bus.listen(0);
    process.env.EVENT_BUS_NAME = 'support-ledger';
    store = new EventStore({ client, eventsTable: tables.events, idempotencyTable: tables.idempotency });
    ({ handler: project } = await import('../../functions/projector/handler'));
  });
  beforeEach(() => {
    delivered = [];
  });

  async function contractStream(expire = false): Promise<{ streamId: string; records: DynamoDBRecord[] }> {
    const streamId = uniqueStream();
    const id = streamId.split('#')[1];
    const { position } = await store.load(streamId);
    const created = [contractCreated(id), contractActivated(id)];
    await store.append(position, expire ? [...created, contractExpired(id)] : created, metadata());
    return { streamId, records: await streamRecords(client, tables.events, streamId) };
  }

  const viewsTable = async () => {
    const { Items = [] } = await client.send(new ScanCommand({ TableName: tables.views, ConsistentRead: true }));
    return Items.sort((a, b) => (a.pk.S! + a.sk.S! < b.pk.S! + b.sk.S! ? -1 : 1));
  };

  it('applies events to views and due items, and publishes each as an integration event', async () => {
    const a = await contractStream(false);
    const b = await contractStream(true);
    const result = await project(streamEvent([...a.records, ...b.records]));
    expect(result.batchItemFailures).toEqual([]);
    const items = await viewsTable();
    const byKey = (pk: string, sk: string) => items.find((i) => i.pk.S === pk && i.sk.S === sk);
    expect(JSON.parse(byKey(a.streamId, 'view')!.data.S!).status).toBe('active');
    expect(byKey(a.streamId, 'due#contract-expiry')).toMatchObject({ dueAt: { S: '2026-12-31T23:00:00.000Z' } });
    expect(JSON.parse(byKey(b.streamId, 'view')!.data.S!)).toMatchObject({ status: 'expired' });
    expect(byKey(b.streamId, 'view')!.version.N).toBe('3');
    expect(byKey(b.streamId, 'due#contract-expiry')).toBeUndefined();
    await bus.idle();
    expect(delivered.map((e) => [e.source, e['detail-type']])).toEqual([
      ['support-ledger', 'ContractOrdered'],
      ['support-ledger', 'ContractActivated'],
      ['support-ledger', 'ContractOrdered'],
      ['support-ledger', 'ContractActivated'],
      ['support-ledger', 'ContractExpired'],
    ]);
  });

  it('leaves the views unchanged when the same batch is applied twice', async () => {
    const a = await contractStream(true);
    const batch = streamEvent(a.records);
    await project(batch);
    const before = await viewsTable();
    expect((await project(batch)).batchItemFailures).toEqual([]);
    expect(await viewsTable()).toEqual(before);
  });

  it('catches up from the store when it receives a later event before the earlier ones', async () => {
    const a = await contractStream(true);
    await project(streamEvent([a.records[2]]));
    const view = (await viewsTable()).find((i) => i.pk.S === a.streamId && i.sk.S === 'view');
    expect(JSON.parse(view!.data.S!).status).toBe('expired');
    expect(view!.version.N).toBe('3');
  });

  it('reports a poison record in the middle of a batch and keeps the records before it', async () => {
    const first = await contractStream();
    const last = await contractStream();
    const poisonStream = uniqueStream();
    const poison: DynamoDBRecord = {
      ...first.records[0],
      dynamodb: {
        ...first.records[0].dynamodb,
        SequenceNumber: '000000000000000999999',
        NewImage: { ...first.records[0].dynamodb!.NewImage, streamId: { S: poisonStream }, type: { S: 'NoSuchEvent' } },
      },
    };
    const result = await project(streamEvent([...first.records, poison, ...last.records]));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '000000000000000999999' }]);
    const items = await viewsTable();
    expect(items.some((i) => i.pk.S === first.streamId && i.sk.S === 'view')).toBe(true);
    expect(items.some((i) => i.pk.S === poisonStream)).toBe(false);
    await bus.idle();
    // Only what precedes the poison record is published; the rest comes again on the retry.
    // (Every event is published; the test's rule delivers the mailed types: of the first stream, its order and its activation.)
    expect(delivered.map((e) => e.detail.eventId)).toEqual(first.records.map((r) => r.dynamodb!.NewImage!.eventId.S));
  });

  it('retries the PutEvents entries EventBridge refused, and reports the record when they keep failing', async () => {
    const a = await contractStream(true);
    bus.failNextEntries(1);
    expect((await project(streamEvent(a.records))).batchItemFailures).toEqual([]);
    await bus.idle();
    expect(delivered.map((e) => e['detail-type']).sort()).toEqual(['ContractActivated', 'ContractExpired', 'ContractOrdered']);

    delivered = [];
    const b = await contractStream(true);
    bus.failNextEntries(100);
    const result = await project(streamEvent(b.records));
    bus.failNextEntries(0);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: b.records[0].dynamodb!.SequenceNumber }]);
  });
});
