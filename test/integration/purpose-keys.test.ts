import { randomBytes } from 'node:crypto';
import { GetItemCommand, QueryCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NewEvent } from '../../events/catalog';
import { isSealed, keyRefOf, subjectKeyRef } from '../../events/sealed';
import { analyticsPeriodKey, securityPeriodKey } from '../../domain/privacy/retention-periods';
import { sealEvents } from '../../functions/privacy/seal-events';
import { sealOrigin } from '../../functions/privacy/seal-origin';
import { ERASED, Sealer } from '../../functions/privacy/sealer';
import { EventStore, type EventMetadata } from '../../functions/store/event-store';
import { LocalKeyWrapper } from '../../functions/vault/key-wrapper';
import { EXPIRY_PARTITION } from '../../functions/vault/purpose-keys';
import { INDEX_KEY_REF, Vault } from '../../functions/vault/vault';
import { createTestTables, dynamoClient, type TableNames } from '../support/emulators';
import { contractCreated, metadata, uniqueStream } from '../support/fixtures';

const seconds = (iso: string) => Date.parse(iso) / 1000;

/**
 * Time-limited data (issue 6) on DynamoDB Local: purpose keys are indexed by expiry when created,
 * the retention purge finds the expired ones without a scan and deletes them with their index
 * items, leaving later keys and subjects' keys alone; the store seals a request's origin under
 * those keys and reads it back unchanged.
 */
describe('purpose keys and their retention purge (DynamoDB Local)', () => {
  const client = dynamoClient();
  let tables: TableNames;
  let vault: Vault;
  let sealer: Sealer;

  beforeAll(async () => {
    tables = await createTestTables(client);
    vault = new Vault({ client, table: tables.vault, wrapper: new LocalKeyWrapper(randomBytes(32)), cacheMs: 0 });
    sealer = new Sealer(vault);
  });

  const indexed = async () => {
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tables.vault,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: EXPIRY_PARTITION } },
        ConsistentRead: true,
      }),
    );
    return Items.map((i) => i.keyRef.S!);
  };
  const keyItem = async (keyRef: string) =>
    (await client.send(new GetItemCommand({ TableName: tables.vault, Key: { pk: { S: `key#${keyRef}` }, sk: { S: 'key' } }, ConsistentRead: true }))).Item;

  it('deletes each key when its period is over (not before), with its index item; subject keys stay', async () => {
    const early = { keyRef: 'p-test-early', expiresAt: seconds('2026-12-07T00:00:00Z') };
    const late = { keyRef: 'p-test-late', expiresAt: seconds('2027-12-01T00:00:00Z') };
    const subject = await sealer.subjectOf('ada@example.com');
    const sealedEarly = await sealer.seal('203.0.113.77', early.keyRef, early.expiresAt);
    const sealedLate = await sealer.seal('203.0.113.0/24', late.keyRef, late.expiresAt);
    const sealedSubject = await sealer.sealForSubject('Ada Lovelace', subject);
    // Using a key again adds no second index item.
    await sealer.seal('198.51.100.1', early.keyRef, early.expiresAt);

    expect((await indexed()).sort()).toEqual([early.keyRef, late.keyRef]);
    expect((await keyItem(early.keyRef))?.expiresAt?.N).toBe(String(early.expiresAt)); // DynamoDB's TTL, the backstop
    expect((await keyItem(subjectKeyRef(subject)))?.expiresAt).toBeUndefined();

    // Before the first period ends: nothing goes.
    expect(await vault.purgeExpired('2026-12-06T23:59:59.999Z')).toEqual([]);
    expect(await sealer.open(sealedEarly)).toBe('203.0.113.77');

    // At its end: the early key and its index item go; the rest stays.
    expect(await vault.purgeExpired(new Date('2026-12-07T00:00:00Z'))).toEqual([early.keyRef]);
    expect(await keyItem(early.keyRef)).toBeUndefined();
    expect(await indexed()).toEqual([late.keyRef]);
    expect(await sealer.open(sealedEarly)).toBeUndefined();
    expect(await sealer.openDeep({ ip: sealedEarly, network: sealedLate, name: sealedSubject })).toEqual({ ip: ERASED, network: '203.0.113.0/24', name: 'Ada Lovelace' });
    // A repeat deletes nothing more.
    expect(await vault.purgeExpired('2026-12-08T00:35:00Z')).toEqual([]);

    // A year later (runs missed in between do not matter): the late key goes too.
    expect(await vault.purgeExpired('2028-06-01T00:35:00Z')).toEqual([late.keyRef]);
    expect(await indexed()).toEqual([]);
    expect(await sealer.open(sealedLate)).toBeUndefined();
    // Subjects' keys and the blind index key are never purpose keys: untouched.
    expect(await sealer.open(sealedSubject)).toBe('Ada Lovelace');
    expect(await vault.key(INDEX_KEY_REF)).toBeDefined();
    expect(await sealer.subjectOf('ada@example.com')).toBe(subject);
  });

  it('refuses an instant it cannot read', async () => {
    await expect(vault.purgeExpired('soon')).rejects.toThrow(/not an instant/);
  });

  describe('the origin of a public request in the event store', () => {
    const sealing = (streamId: string, events: readonly NewEvent[], meta: EventMetadata) =>
      sealEvents(sealer, vault, streamId, events).then(async (sealed) =>
        meta.origin ? { events: sealed, origin: await sealOrigin(sealer, meta.origin, meta.occurredAt) } : sealed,
      );
    const customer = { kind: 'customer', id: 'website' } as const;

    it('is written sealed under the period keys, read back unchanged, and erased period by period', async () => {
      const store = new EventStore({ client, eventsTable: tables.events, seal: sealing });
      const streamId = uniqueStream();
      const { position } = await store.load(streamId);
      const meta = metadata({ actor: customer, occurredAt: '2026-11-21T12:00:00.000Z', origin: { ip: '2001:db8:85a3:8d3:1319:8a2e:370:7348' } });
      const appended = await store.append(position, [contractCreated('C-ORIGIN')], meta);
      if (appended.status !== 'appended') throw new Error('not appended');
      const { origin } = appended.events[0];
      expect(origin && isSealed(origin.security) && isSealed(origin.analytics)).toBe(true);
      expect(keyRefOf(origin!.security)).toBe(securityPeriodKey(meta.occurredAt).keyRef);
      expect(keyRefOf(origin!.analytics!)).toBe(analyticsPeriodKey(meta.occurredAt).keyRef);

      // At rest: no address, no network in clear.
      const { Items = [] } = await client.send(new ScanCommand({ TableName: tables.events, ConsistentRead: true }));
      const raw = JSON.stringify(Items);
      expect(raw).not.toContain('2001:db8');
      expect(raw).not.toContain('7348');
      // Read back as written.
      const [loaded] = (await store.load(streamId)).events;
      expect(loaded.origin).toEqual(origin);
      expect(await sealer.openDeep(loaded.origin)).toEqual({ security: '2001:db8:85a3:8d3:1319:8a2e:370:7348', analytics: '2001:db8:85a3::/48' });

      // Four weeks on, the week's key is gone; thirteen months on, the month's too.
      expect(await vault.purgeExpired('2026-12-19T00:35:00Z')).toContain('p-security-2026W47');
      expect(await sealer.openDeep(loaded.origin)).toEqual({ security: ERASED, analytics: '2001:db8:85a3::/48' });
      expect(await vault.purgeExpired('2027-12-21T00:35:00Z')).toContain('p-analytics-2026-11');
      expect(await sealer.openDeep(loaded.origin)).toEqual({ security: ERASED, analytics: ERASED });
      // The event itself still replays, its customer's data still opens.
      expect(await sealer.open((loaded.payload as { customer: { name: string } }).customer.name)).toBe('Ada Customer');
    });

    it('events without an origin carry none', async () => {
      const store = new EventStore({ client, eventsTable: tables.events, seal: sealing });
      const streamId = uniqueStream();
      await store.append((await store.load(streamId)).position, [contractCreated('C-STAFF')], metadata());
      const [loaded] = (await store.load(streamId)).events;
      expect('origin' in loaded).toBe(false);
    });

    it('a store that cannot seal the origin refuses the append and writes nothing', async () => {
      const store = new EventStore({ client, eventsTable: tables.events, seal: (streamId, events) => sealEvents(sealer, vault, streamId, events) });
      const streamId = uniqueStream();
      const { position } = await store.load(streamId);
      await expect(store.append(position, [contractCreated('C-CLEAR')], metadata({ actor: customer, origin: { ip: '192.0.2.1' } }))).rejects.toThrow(/never stored in clear/);
      const bare = new EventStore({ client, eventsTable: tables.events });
      await expect(bare.append(position, [contractCreated('C-CLEAR')], metadata({ origin: { ip: '192.0.2.1' } }))).rejects.toThrow(/never stored in clear/);
      expect((await store.load(streamId)).events).toEqual([]);
      // A sealing step that returned the origin in clear would be refused by the envelope's schema.
      const careless = new EventStore({ client, eventsTable: tables.events, seal: async (_s, events) => ({ events: [...events], origin: { security: '192.0.2.1', analytics: '192.0.2.0/24' } }) });
      await expect(careless.append(position, [contractCreated('C-CLEAR')], metadata({ origin: { ip: '192.0.2.1' } }))).rejects.toThrow();
      expect((await store.load(streamId)).events).toEqual([]);
    });
  });
});
