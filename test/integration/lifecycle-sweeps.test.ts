import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { presets, type PresetName } from '../../domain/catalog/presets/index';
import { contractProjection, type ContractView } from '../../domain/contract/view';
import type { NewEvent } from '../../events/catalog';
import { EventStore } from '../../functions/store/event-store';
import { ViewStore } from '../../functions/views/view-store';
import { scheduledEvent } from '../../infra/local/scheduler';
import { countDueIndexReads } from '../support/due-reads';
import { createTestTables, dynamoClient, useEmulatorEnvironment } from '../support/emulators';
import { contractActivated, contractCreated, metadata } from '../support/fixtures';

type Sweeper = (event: ReturnType<typeof scheduledEvent>) => Promise<{ due: number; failed: number }>;

/**
 * The lapse, renewal-reminder and system-review sweepers against DynamoDB Local: each reads only
 * what the due index says is due, appends the right event once, and a re-run appends nothing.
 * (The fixtures' term: 2026-01-01 to 2027-01-01 in Stockholm, ending at 2026-12-31T23:00Z.)
 */
describe('lifecycle sweepers', () => {
  const client = dynamoClient();
  let store: EventStore;
  let views: ViewStore;
  let indexItemsRead = 0;
  let lapse: Sweeper;
  let remind: Sweeper;
  let review: Sweeper;

  beforeAll(async () => {
    const tables = await createTestTables(client);
    useEmulatorEnvironment(tables);
    store = new EventStore({ client, eventsTable: tables.events, idempotencyTable: tables.idempotency });
    views = new ViewStore(client, tables.views);
    ({ handler: lapse } = await import('../../functions/sweepers/lapse-contracts'));
    ({ handler: remind } = await import('../../functions/sweepers/send-renewal-reminders'));
    ({ handler: review } = await import('../../functions/sweepers/schedule-system-reviews'));
    await countDueIndexReads((items) => (indexItemsRead += items));
  });

  afterEach(() => {
    delete process.env.CATALOG_PRESET;
  });

  /** Projects a stream's events into its view and due entries, as the projector would. */
  async function project(streamId: string, preset: PresetName = 'qualisys'): Promise<ContractView> {
    const projection = contractProjection(presets[preset]);
    const events = await store.read(streamId);
    const view = events.reduce<ContractView | undefined>((v, e) => projection.evolve(v, e), undefined)!;
    await views.put(streamId, { view, version: events.length, due: projection.due(view) }, await views.get(streamId));
    return view;
  }

  async function contract(events: (contractId: string) => NewEvent[], preset: PresetName = 'qualisys'): Promise<string> {
    const contractId = randomUUID();
    const streamId = `contract#${contractId}`;
    const { position } = await store.load(streamId);
    const result = await store.append(position, events(contractId), metadata());
    if (result.status !== 'appended') throw new Error('expected an append');
    await project(streamId, preset);
    return streamId;
  }

  const types = async (streamId: string) => (await store.read(streamId)).map((e) => e.type);
  const at = (name: string, iso: string) => scheduledEvent(name, new Date(iso), 'eu-north-1');

  it('lapse-contracts: lapses exactly the expired contracts past the 30-day grace, once', async () => {
    // Active until 2040: never due for the other sweeps of this file either (they share the tables).
    const active = await Promise.all(
      Array.from({ length: 20 }, () => contract((id) => [contractCreated(id), contractActivated(id, { termEndsOn: '2040-01-01', termEndsAt: '2039-12-31T23:00:00.000Z' })])),
    );
    const expired = (termEndsOn: string, termEndsAt: string) => (id: string): NewEvent[] => [
      contractCreated(id),
      contractActivated(id, { termEndsOn, termEndsAt }),
      { type: 'ContractExpired', payload: { contractId: id, expiredAt: termEndsAt } },
    ];
    // Grace over (qualisys: renewing on end + 30 days is still grace; the lapse is 00:00 local the day after).
    const due = await Promise.all(Array.from({ length: 4 }, () => contract(expired('2026-05-01', '2026-04-30T22:00:00.000Z'))));
    // Still in grace at the sweep: ended on 2026-05-10, the grace runs until 2026-06-09 inclusive.
    const inGrace = await Promise.all(Array.from({ length: 5 }, () => contract(expired('2026-05-10', '2026-05-09T22:00:00.000Z'))));

    indexItemsRead = 0;
    const event = at('lapse-contracts', '2026-06-01T00:10:00Z');
    expect(await lapse(event)).toEqual({ due: 4, failed: 0 });
    expect(indexItemsRead).toBe(4);
    for (const streamId of due) {
      const events = await store.read(streamId);
      expect(events.map((e) => e.type)).toEqual(['ContractOrdered', 'ContractActivated', 'ContractExpired', 'ContractLapsed']);
      expect(events[3]).toMatchObject({
        occurredAt: '2026-06-01T00:10:00Z',
        actor: { kind: 'system', id: 'lapse-contracts' },
        payload: { lapsedAt: '2026-05-31T22:00:00.000Z' },
      });
    }
    for (const streamId of [...inGrace, ...active.slice(0, 5)]) expect((await store.read(streamId)).at(-1)!.type).not.toBe('ContractLapsed');

    // The index may lag (no projector here): the re-run reads the same items and appends nothing.
    expect(await lapse(event)).toEqual({ due: 4, failed: 0 });
    for (const streamId of due) expect(await store.version(streamId)).toBe(4);
    // Once projected, a lapsed contract is due for nothing.
    for (const streamId of due) expect((await project(streamId)).status).toBe('lapsed');
    indexItemsRead = 0;
    expect(await lapse(event)).toEqual({ due: 0, failed: 0 });
    expect(indexItemsRead).toBe(0);
  });

  it('renewal-reminders: one reminder per contract and offset (60, 30, 7 days), the latest due only for a late contract', async () => {
    // Terms ending 2030-01-01 in Stockholm (no other contract of this file ends then).
    const ends2030 = { termEndsOn: '2030-01-01', termEndsAt: '2029-12-31T23:00:00.000Z' };
    const later = await Promise.all(
      Array.from({ length: 30 }, () => contract((id) => [contractCreated(id), contractActivated(id, { termEndsOn: '2031-06-01', termEndsAt: '2031-05-31T22:00:00.000Z' })])),
    );
    const due = await Promise.all(Array.from({ length: 5 }, () => contract((id) => [contractCreated(id), contractActivated(id, ends2030)])));
    const reminders = async (streamId: string) =>
      (await store.read(streamId)).flatMap((e) => (e.type === 'RenewalReminded' ? [e.payload.offsetDays] : []));

    // The 60-day reminder is due from 2029-11-02 00:00 in Stockholm.
    indexItemsRead = 0;
    expect(await remind(at('renewal-reminders', '2029-11-01T22:15:00Z'))).toEqual({ due: 0, failed: 0 });
    expect(indexItemsRead).toBe(0);
    const first = at('renewal-reminders', '2029-11-02T00:15:00Z');
    expect(await remind(first)).toEqual({ due: 5, failed: 0 });
    expect(indexItemsRead).toBe(5);
    for (const streamId of due) {
      expect(await reminders(streamId)).toEqual([60]);
      expect((await store.read(streamId)).at(-1)).toMatchObject({ occurredAt: '2029-11-02T00:15:00Z', actor: { kind: 'system', id: 'renewal-reminders' } });
    }
    // A re-run before the view caught up appends nothing.
    await remind(first);
    for (const streamId of due) expect(await reminders(streamId)).toEqual([60]);

    // Projected: the next one (30 days) is indexed from 2029-12-02 00:00 local, and nothing is due before.
    for (const streamId of due) await project(streamId);
    indexItemsRead = 0;
    expect(await remind(at('renewal-reminders', '2029-11-20T00:15:00Z'))).toEqual({ due: 0, failed: 0 });
    expect(indexItemsRead).toBe(0);
    await remind(at('renewal-reminders', '2029-12-02T00:15:00Z'));
    for (const streamId of due) await project(streamId);
    await remind(at('renewal-reminders', '2029-12-25T00:15:00Z'));
    await remind(at('renewal-reminders', '2029-12-25T00:15:00Z'));
    for (const streamId of due) {
      expect(await reminders(streamId)).toEqual([60, 30, 7]);
      expect((await project(streamId)).remindedOffsets).toEqual([60, 30, 7]);
    }
    indexItemsRead = 0;
    expect(await remind(at('renewal-reminders', '2029-12-30T00:15:00Z'))).toEqual({ due: 0, failed: 0 });
    for (const streamId of later.slice(0, 5)) expect(await reminders(streamId)).toEqual([]);

    // A contract first swept 10 days before its end gets the 30-day reminder only (not the missed 60-day one), then the 7-day one.
    const late = await contract((id) => [contractCreated(id), contractActivated(id, { termEndsOn: '2033-01-01', termEndsAt: '2032-12-31T23:00:00.000Z' })]);
    await remind(at('renewal-reminders', '2032-12-22T00:15:00Z'));
    await project(late);
    await remind(at('renewal-reminders', '2032-12-23T00:15:00Z'));
    expect(await reminders(late)).toEqual([30]);
    await project(late);
    await remind(at('renewal-reminders', '2032-12-25T00:15:00Z'));
    expect(await reminders(late)).toEqual([30, 7]);
  });

  it('system-reviews: the yearly review falls due once for contracts whose add-ons include one (hezo system care)', async () => {
    process.env.CATALOG_PRESET = 'hezo';
    const hezo = { planId: 'sos-8x5-nbd', regionId: 'pl' };
    const withCare = await Promise.all(
      Array.from({ length: 3 }, () =>
        contract((id) => [contractCreated(id, { ...hezo, addOns: [{ addOnId: 'system-care' }] }), contractActivated(id)], 'hezo'),
      ),
    );
    const without = await Promise.all(Array.from({ length: 10 }, () => contract((id) => [contractCreated(id, hezo), contractActivated(id)], 'hezo')));

    // The first review is due a year after the first term's start (2027-01-01 in Stockholm).
    indexItemsRead = 0;
    expect(await review(at('system-reviews', '2026-12-31T00:20:00Z'))).toEqual({ due: 0, failed: 0 });
    expect(indexItemsRead).toBe(0);
    const event = at('system-reviews', '2027-01-01T00:20:00Z');
    expect(await review(event)).toEqual({ due: 3, failed: 0 });
    expect(indexItemsRead).toBe(3);
    expect(await review(event)).toEqual({ due: 3, failed: 0 });
    for (const streamId of withCare) {
      const events = await store.read(streamId);
      expect(events.map((e) => e.type)).toEqual(['ContractOrdered', 'ContractActivated', 'SystemReviewDue']);
      expect(events[2]).toMatchObject({ payload: { dueOn: '2027-01-01' }, actor: { kind: 'system', id: 'system-reviews' } });
      expect((await project(streamId, 'hezo')).systemReviewsDue).toEqual(['2027-01-01']);
    }
    for (const streamId of without) expect(await types(streamId)).toEqual(['ContractOrdered', 'ContractActivated']);
    // Announced and projected: nothing more is due until the next year.
    indexItemsRead = 0;
    expect(await review(at('system-reviews', '2027-06-01T00:20:00Z'))).toEqual({ due: 0, failed: 0 });
    expect(indexItemsRead).toBe(0);
  });
});
