import { randomUUID } from 'node:crypto';
import { QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent, NewEvent } from '../../events/catalog';
import type { Booking } from '../../events/credit';
import { presets } from '../../domain/catalog/presets/index';
import { ledgerPartition, statementMonthPartition, type LedgerLine } from '../../domain/ledger/line';
import { ledgerProjections } from '../../domain/ledger/projections';
import { rebuildLedger } from '../../domain/ledger/rebuild';
import { applyToView } from '../../functions/projector/apply-to-views';
import { EventStore } from '../../functions/store/event-store';
import { ViewConflictError, ViewStore } from '../../functions/views/view-store';
import { createTestTables, dynamoClient } from '../support/emulators';
import { metadata } from '../support/fixtures';

/**
 * The ledger's rows are written with the view that applied their events (DynamoDB Local): in one
 * transaction, so both land or neither does; a redelivered event writes nothing again; a long
 * catch-up goes in chunks of at most 100 actions; rows read back page by page.
 */
describe('ledger rows with their view', () => {
  const client = dynamoClient();
  const catalog = presets.q3;
  const projections = ledgerProjections(catalog);
  let table: string;
  let store: EventStore;
  let views: ViewStore;
  const writes: { name: string; actions: number }[] = [];

  beforeAll(async () => {
    const tables = await createTestTables(client);
    table = tables.views;
    store = new EventStore({ client, eventsTable: tables.events, idempotencyTable: tables.idempotency });
    views = new ViewStore(recording(client, writes), table);
  });

  const chf = (amount: number) => ({ amount, currency: 'CHF' });
  const billed = (minutes: number): Booking => ({ basis: 'billable', billableMinutes: minutes, creditMinutes: 0, billed: { minutes, perHour: chf(17_500), amount: chf(Math.round((minutes * 17_500) / 60)) } });
  const logged = (contractId: string, customerId: string, entryId: string, minutes = 30): NewEvent => ({
    type: 'WorkLogged',
    payload: { contractId, billTo: { customerId, country: 'CH' }, ticketId: 'T1', entryId, performedAt: '2026-11-21T09:00:00.000Z', minutes, activity: 'user-support', booking: billed(minutes) },
  });

  async function append(streamId: string, events: NewEvent[]): Promise<DomainEvent[]> {
    const { position } = await store.load(streamId);
    const result = await store.append(position, events, metadata());
    if (result.status !== 'appended') throw new Error('expected an append');
    return result.events;
  }

  const rowsOf = async (partition: string) => {
    const { Items = [] } = await client.send(new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: partition } }, ConsistentRead: true }));
    return Items.map((i) => ({ sk: i.sk.S!, data: JSON.parse(i.data.S!) }));
  };

  it('writes a view version and its rows in one transaction; a redelivered event writes nothing', async () => {
    const contractId = randomUUID();
    const customerId = `K-${contractId}`;
    const streamId = `credit#${contractId}`;
    const events = await append(streamId, [logged(contractId, customerId, `W-${contractId}`)]);
    writes.length = 0;
    await applyToView(events, projections, store, views);
    expect(writes).toEqual([{ name: 'TransactWriteItemsCommand', actions: 3 }]); // view, line, month marker
    const rows = await rowsOf(ledgerPartition(customerId));
    expect(rows.map((r) => r.sk)).toEqual([`line#2026-11-21#work#W-${contractId}#0`]);
    expect((await rowsOf(statementMonthPartition('2026-11'))).map((r) => r.sk)).toContain(`customer#${customerId}`);

    // when the same record is delivered again: skipped, no write at all
    writes.length = 0;
    await applyToView(events, projections, store, views);
    expect(writes).toEqual([]);
    expect(await rowsOf(ledgerPartition(customerId))).toEqual(rows);
  });

  it('when the view moved on meanwhile (a concurrent projector), neither the view nor the rows are written', async () => {
    const contractId = randomUUID();
    const customerId = `K-${contractId}`;
    const streamId = `credit#${contractId}`;
    const [first] = await append(streamId, [logged(contractId, customerId, `W1-${contractId}`)]);
    await applyToView([first], projections, store, views);
    const [second] = await append(streamId, [logged(contractId, customerId, `W2-${contractId}`)]);
    const stale = await views.get<unknown>(streamId);
    // another projector applies the second event first
    await applyToView([second], projections, store, views);
    // this one still holds the view at version 1 and tries to write version 2 with a made-up row
    const projection = projections.credit;
    const view = projection.evolve(stale!.view, second);
    const row = { partition: ledgerPartition(customerId), sort: 'line#2026-11-21#should-not-exist', data: {} };
    await expect(views.put(streamId, { view, version: 2, due: projection.due(view) }, stale, [row])).rejects.toBeInstanceOf(ViewConflictError);
    expect((await rowsOf(ledgerPartition(customerId))).map((r) => r.sk)).toEqual([
      `line#2026-11-21#work#W1-${contractId}#0`,
      `line#2026-11-21#work#W2-${contractId}#0`,
    ]);
  });

  it('refuses a write beyond 100 actions before sending anything', async () => {
    const pk = `credit#${randomUUID()}`;
    const rows = Array.from({ length: 100 }, (_, i) => ({ partition: `ledger#${pk}`, sort: `line#2026-11-21#${i}`, data: {} }));
    writes.length = 0;
    await expect(views.put(pk, { view: {}, version: 1, due: [] }, undefined, rows)).rejects.toBeInstanceOf(RangeError);
    expect(writes).toEqual([]);
    expect(await views.get(pk)).toBeUndefined();
  });

  it('catches up 150 events of rows in chunks of at most 100 actions, each a consistent view version; the rows equal the rebuilt ledger and read back in pages', async () => {
    const contractId = randomUUID();
    const customerId = `K-${contractId}`;
    const streamId = `credit#${contractId}`;
    const events: DomainEvent[] = [];
    for (let batch = 0; batch < 3; batch++)
      events.push(...(await append(streamId, Array.from({ length: 50 }, (_, i) => logged(contractId, customerId, `W${String(batch * 50 + i).padStart(3, '0')}-${contractId}`, 5 + i)))));
    writes.length = 0;
    await applyToView(events, projections, store, views);
    expect(writes.length).toBeGreaterThan(1);
    expect(writes.every((w) => w.name === 'TransactWriteItemsCommand' && w.actions <= 100)).toBe(true);
    expect((await views.get(streamId))?.version).toBe(150);

    const stored = await rowsOf(ledgerPartition(customerId));
    expect(stored).toHaveLength(150);
    expect(stored.map((r) => r.data as LedgerLine)).toEqual(rebuildLedger(events, catalog));

    // paging: 4 pages of 40 (the last short), within a range; a foreign start key is refused
    const pages: string[][] = [];
    let startKey: Record<string, string> | undefined;
    do {
      const page = await views.queryRows(ledgerPartition(customerId), { from: 'line#2026-11-21#', to: 'line#2026-11-21#\uffff', limit: 40, ...(startKey ? { startKey } : {}) });
      pages.push(page.rows.map((r) => r.sort));
      startKey = page.nextKey;
    } while (startKey);
    expect(pages.flat()).toEqual(stored.map((r) => r.sk));
    expect(pages.filter((p) => p.length > 0)).toHaveLength(4);
    await expect(views.queryRows(ledgerPartition('someone-else'), { limit: 10, startKey: { pk: ledgerPartition(customerId), sk: stored[0].sk } })).rejects.toBeInstanceOf(RangeError);
    expect((await views.queryRows(ledgerPartition(customerId), { from: 'line#2026-11-22', limit: 10 })).rows).toEqual([]);
  });
});

/** Counts the write requests (and their actions) a client sends. */
function recording(client: DynamoDBClient, log: { name: string; actions: number }[]): DynamoDBClient {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop !== 'send') return Reflect.get(target, prop, receiver);
      return (command: { constructor: { name: string }; input: { TransactItems?: unknown[] } }, ...rest: unknown[]) => {
        if (/Put|Transact|Delete|Update/.test(command.constructor.name)) log.push({ name: command.constructor.name, actions: command.input.TransactItems?.length ?? 1 });
        return (target.send as (...a: unknown[]) => unknown).call(target, command, ...rest);
      };
    },
  });
}
