import { PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidEventPayloadError, UnknownEventTypeError, type NewEvent } from '../../events/catalog';
import { AppendTooLargeError, ConcurrencyError, IdempotencyKeyReusedError } from '../../domain/errors';
import { EventStore, type StreamPosition } from '../../functions/store/event-store';
import { createTestTables, dynamoClient, type TableNames } from '../support/emulators';
import { contractCreated, contractExpired, metadata, uniqueStream } from '../support/fixtures';

/** The event store's contract, run against DynamoDB Local. */
describe('event store (DynamoDB Local)', () => {
  const client = dynamoClient();
  let tables: TableNames;
  let store: EventStore;

  beforeAll(async () => {
    tables = await createTestTables(client);
    store = new EventStore({ client, eventsTable: tables.events, idempotencyTable: tables.idempotency });
  });

  const versionsIn = async (streamId: string) => {
    const page = await client.send(
      new QueryCommand({
        TableName: tables.events,
        KeyConditionExpression: 'streamId = :s',
        ExpressionAttributeValues: { ':s': { S: streamId } },
        ConsistentRead: true,
      }),
    );
    return (page.Items ?? []).map((i) => Number(i.version.N));
  };

  it('appends one event and reads it back with its full envelope', async () => {
    const streamId = uniqueStream();
    const { position, events } = await store.load(streamId);
    expect(events).toEqual([]);
    expect(position.version).toBe(0);
    const meta = metadata();
    const result = await store.append(position, [contractCreated('C1')], meta);
    expect(result.status).toBe('appended');
    const loaded = await store.load(streamId);
    expect(loaded.position.version).toBe(1);
    const [event] = loaded.events;
    expect(event).toMatchObject({
      streamId,
      version: 1,
      type: 'ContractOrdered',
      schemaVersion: 1,
      occurredAt: meta.occurredAt,
      correlationId: meta.correlationId,
      causationId: meta.causationId,
      actor: meta.actor,
      payload: contractCreated('C1').payload,
    });
    expect(event.eventId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(Date.parse(event.recordedAt)).not.toBeNaN();
  });

  it('lets exactly one of two writers at the same position win; the other gets a ConcurrencyError', async () => {
    const streamId = uniqueStream();
    const { position } = await store.load(streamId);
    await store.append(position, [contractCreated('C2')], metadata());
    const error = await store.append(position, [contractCreated('C2')], metadata()).catch((e) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ streamId, expectedVersion: 0, actualVersion: 1 });
  });

  it('lets exactly one of 16 concurrent writers win, single and multi-event alike', async () => {
    for (const batch of [[contractCreated('C3')], [contractCreated('C3'), contractExpired('C3')]]) {
      const streamId = uniqueStream();
      const { position } = await store.load(streamId);
      const outcomes = await Promise.allSettled(Array.from({ length: 16 }, () => store.append(position, batch, metadata())));
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(ConcurrencyError);
      expect(await versionsIn(streamId)).toEqual(batch.map((_, i) => i + 1));
    }
  });

  it('cannot leave a gap: a hand-made position is refused and a stale one conflicts', async () => {
    const streamId = uniqueStream();
    const forged = { streamId, version: 5 } as StreamPosition;
    await expect(store.append(forged, [contractCreated('C4')], metadata())).rejects.toThrow(TypeError);
    const { position } = await store.load(streamId);
    const first = await store.append(position, [contractCreated('C4')], metadata());
    expect(first.status === 'appended' && first.position.version).toBe(1);
    await expect(store.append(position, [contractExpired('C4')], metadata())).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await versionsIn(streamId)).toEqual([1]);
  });

  it('appends several events atomically: all or none', async () => {
    const streamId = uniqueStream();
    const { position } = await store.load(streamId);
    const other = await store.load(streamId);
    await store.append(other.position, [contractCreated('C5')], metadata());
    // Our three events would be versions 1..3; version 1 is taken, so none may be written.
    const batch = [contractCreated('C5'), contractExpired('C5'), contractExpired('C5')];
    await expect(store.append(position, batch, metadata())).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await versionsIn(streamId)).toEqual([1]);
    const fresh = await store.load(streamId);
    await store.append(fresh.position, [contractExpired('C5'), contractExpired('C5')], metadata());
    expect(await versionsIn(streamId)).toEqual([1, 2, 3]);
  });

  it('reads from a given version and pages past 1 MB responses', async () => {
    const streamId = uniqueStream();
    let { position } = await store.load(streamId);
    const padding = 'x'.repeat(150);
    const event = (): NewEvent => contractCreated('C6', { customer: { name: padding, email: 'pad@example.com', locale: 'en', timeZone: 'Europe/Stockholm' }, distributorId: padding });
    for (let i = 0; i < 30; i++) {
      const result = await store.append(position, Array.from({ length: 100 }, event), metadata());
      if (result.status !== 'appended') throw new Error('expected an append');
      position = result.position;
    }
    const all = await store.read(streamId);
    expect(all).toHaveLength(3000);
    expect(all.map((e) => e.version)).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
    const tail = await store.read(streamId, 2991);
    expect(tail.map((e) => e.version)).toEqual([2991, 2992, 2993, 2994, 2995, 2996, 2997, 2998, 2999, 3000]);
    expect(await store.version(streamId)).toBe(3000);
  });

  it('answers a repeated idempotent request with the first answer and appends nothing', async () => {
    const key = `test#${crypto.randomUUID()}`;
    const first = uniqueStream();
    const firstLoad = await store.load(first);
    const appended = await store.append(firstLoad.position, [contractCreated('C7')], metadata(), {
      key, requestHash: 'h1', response: { contractId: 'C7' }, ttlSeconds: 3600,
    });
    expect(appended.status).toBe('appended');
    const second = uniqueStream();
    const secondLoad = await store.load(second);
    const replay = await store.append(secondLoad.position, [contractCreated('C8')], metadata(), {
      key, requestHash: 'h1', response: { contractId: 'C8' }, ttlSeconds: 3600,
    });
    expect(replay).toEqual({ status: 'replayed', response: { contractId: 'C7' } });
    expect(await versionsIn(second)).toEqual([]);
    expect(await store.idempotencyRecord(key)).toEqual({ key, requestHash: 'h1', response: { contractId: 'C7' } });
  });

  it('refuses the same idempotency key with a different request', async () => {
    const key = `test#${crypto.randomUUID()}`;
    const a = await store.load(uniqueStream());
    await store.append(a.position, [contractCreated('C9')], metadata(), { key, requestHash: 'h1', response: {}, ttlSeconds: 60 });
    const b = await store.load(uniqueStream());
    await expect(
      store.append(b.position, [contractCreated('C9')], metadata(), { key, requestHash: 'h2', response: {}, ttlSeconds: 60 }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await versionsIn(b.position.streamId)).toEqual([]);
  });

  it('refuses, before sending anything, appends DynamoDB would reject', async () => {
    const streamId = uniqueStream();
    const { position } = await store.load(streamId);
    const tooMany = Array.from({ length: 101 }, () => contractExpired('C10'));
    await expect(store.append(position, tooMany, metadata())).rejects.toThrow(/at most 100 items/);
    const hundredAndKey = Array.from({ length: 100 }, () => contractExpired('C10'));
    await expect(
      store.append(position, hundredAndKey, metadata(), { key: 'k', requestHash: 'h', response: {}, ttlSeconds: 60 }),
    ).rejects.toBeInstanceOf(AppendTooLargeError);
    const hugeResponse = { blob: 'x'.repeat(410 * 1024) };
    await expect(
      store.append(position, [contractExpired('C10')], metadata(), { key: 'k', requestHash: 'h', response: hugeResponse, ttlSeconds: 60 }),
    ).rejects.toThrow(/DynamoDB allows 409600/);
    expect(await versionsIn(streamId)).toEqual([]);
    // Exactly 100 items is allowed.
    await store.append(position, hundredAndKey, metadata());
    expect(await versionsIn(streamId)).toHaveLength(100);
  });

  it('validates payloads on write and never stores an unknown type or an invalid payload', async () => {
    const streamId = uniqueStream();
    const { position } = await store.load(streamId);
    const invalid = { type: 'ContractExpired', payload: { contractId: 'C11', expiredAt: 'yesterday' } } as NewEvent;
    await expect(store.append(position, [invalid], metadata())).rejects.toBeInstanceOf(InvalidEventPayloadError);
    const unknown = { type: 'ContractTeleported', payload: {} } as unknown as NewEvent;
    await expect(store.append(position, [unknown], metadata())).rejects.toBeInstanceOf(UnknownEventTypeError);
    await expect(store.append(position, [contractExpired('C11')], metadata({ actor: { kind: 'robot' } as never }))).rejects.toThrow();
    expect(await versionsIn(streamId)).toEqual([]);
  });

  it('parses payloads on read: an item of an unknown type or with a bad payload is an error', async () => {
    const streamId = uniqueStream();
    const base = {
      streamId: { S: streamId }, eventId: { S: '01JAAAAAAAAAAAAAAAAAAAAAAA' }, schemaVersion: { N: '1' },
      occurredAt: { S: '2026-01-01T00:00:00.000Z' }, recordedAt: { S: '2026-01-01T00:00:00.000Z' },
      correlationId: { S: 'c' }, causationId: { S: 'c' }, actor: { S: '{"kind":"system","id":"test"}' },
    };
    await client.send(new PutItemCommand({ TableName: tables.events, Item: { ...base, version: { N: '1' }, type: { S: 'Nope' }, payload: { S: '{}' } } }));
    await expect(store.load(streamId)).rejects.toBeInstanceOf(UnknownEventTypeError);
    const other = uniqueStream();
    await client.send(new PutItemCommand({ TableName: tables.events, Item: { ...base, streamId: { S: other }, version: { N: '1' }, type: { S: 'ContractExpired' }, payload: { S: '{"contractId":1}' } } }));
    await expect(store.load(other)).rejects.toBeInstanceOf(InvalidEventPayloadError);
  });
});
