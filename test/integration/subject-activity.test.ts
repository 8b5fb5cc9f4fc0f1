import { randomBytes } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NewEvent } from '../../events/catalog';
import { sealEvents, type SealContext } from '../../functions/privacy/seal-events';
import { Sealer } from '../../functions/privacy/sealer';
import { SubjectActivity, auditShard } from '../../functions/vault/activity';
import { LocalKeyWrapper } from '../../functions/vault/key-wrapper';
import { Vault } from '../../functions/vault/vault';
import { createTestTables, dynamoClient } from '../support/emulators';

/**
 * When data subjects were last heard from, on DynamoDB Local: noted by the store's sealing step
 * for the events that count (domain/privacy/activity.ts), at most one write per subject and
 * append and none for a repeat on a day already noted; only ever moved forward; filed once in the
 * sharded audit index, which the audit reads up to a day.
 */
describe('subject activity and the audit index', () => {
  const client = dynamoClient();
  let table: string;
  let vault: Vault;
  let sealer: Sealer;
  let activity: SubjectActivity;
  const writes: string[] = [];

  beforeAll(async () => {
    table = (await createTestTables(client)).vault;
    vault = new Vault({ client, table, wrapper: new LocalKeyWrapper(randomBytes(32)), cacheMs: 0 });
    sealer = new Sealer(vault);
    // Counts the writes the activity log sends (its own client, so the vault's writes are not counted).
    const own = dynamoClient();
    own.middlewareStack.add(
      (next, context) => async (args) => {
        if (['PutItemCommand', 'DeleteItemCommand'].includes(context.commandName!)) writes.push(context.commandName!);
        return next(args);
      },
      { step: 'initialize', name: 'countWrites' },
    );
    activity = new SubjectActivity({ client: own, table });
  });

  const context = (kind: 'staff' | 'customer' | 'system', occurredAt: string): SealContext => ({ actor: { kind }, occurredAt, activity });
  const opened = (email: string) =>
    ({ type: 'TicketOpened', payload: { ticketId: 'T', contact: { name: 'Jan', email, locale: 'pl' }, subject: 'Offline', description: 'It stopped.' } }) as unknown as NewEvent;
  const customerReply = { type: 'CustomerReplied', payload: { ticketId: 'T', body: 'Still broken' } } as unknown as NewEvent;
  const agentReply = { type: 'AgentReplied', payload: { ticketId: 'T', agentId: 'a', body: 'On our way' } } as unknown as NewEvent;
  const indexEntries = async () =>
    ((await client.send(new ScanCommand({ TableName: table, ConsistentRead: true }))).Items ?? []).filter((i) => i.pk.S!.startsWith('audit#')).map((i) => `${i.pk.S}|${i.sk.S}`);

  it('notes a ticket contact when the ticket opens (one activity item, filed once in the index), and moves it forward on their reply only', async () => {
    const email = `contact-${randomBytes(4).toString('hex')}@example.com`;
    const subject = await sealer.subjectOf(email);
    writes.length = 0;
    await sealEvents(sealer, vault, 'ticket#T1', [opened(email)], context('customer', '2026-03-01T10:00:00.000Z'));
    expect(await activity.lastActivityAt(subject)).toBe('2026-03-01T10:00:00.000Z');
    expect(writes).toEqual(['PutItemCommand', 'PutItemCommand']); // the activity and, the first time, its index entry
    expect(await indexEntries()).toContain(`${auditShard(subject)}|2026-03-01#${subject}`);

    // A staff reply is not theirs; a repeat on a day already noted writes nothing.
    writes.length = 0;
    await sealEvents(sealer, vault, 'ticket#T1', [agentReply], context('staff', '2026-03-05T10:00:00.000Z'));
    await sealEvents(sealer, vault, 'ticket#T1', [customerReply, customerReply], context('staff', '2026-03-01T18:00:00.000Z'));
    expect(writes).toEqual([]);
    expect(await activity.lastActivityAt(subject)).toBe('2026-03-01T10:00:00.000Z');

    // Their reply on a later day: one write; the index entry stays where it was filed (the audit moves it).
    await sealEvents(sealer, vault, 'ticket#T1', [customerReply, customerReply], context('staff', '2026-04-02T08:00:00.000Z'));
    expect(writes).toEqual(['PutItemCommand']);
    expect(await activity.lastActivityAt(subject)).toBe('2026-04-02T08:00:00.000Z');
    expect((await indexEntries()).filter((e) => e.endsWith(subject))).toEqual([`${auditShard(subject)}|2026-03-01#${subject}`]);

    // Another container noting an older event moves nothing back.
    const other = new SubjectActivity({ client, table });
    await other.note(subject, '2026-03-20T08:00:00.000Z');
    expect(await activity.lastActivityAt(subject)).toBe('2026-04-02T08:00:00.000Z');
  });

  it('notes the sender of a website order, not the registered persons it names; both are customers', async () => {
    const tag = randomBytes(4).toString('hex');
    const [buyer, colleague] = [`buyer-${tag}@example.com`, `colleague-${tag}@example.com`];
    const order = {
      type: 'ContractOrdered',
      payload: { contractId: `C-${tag}`, customer: { name: 'Buyer', email: buyer, locale: 'en' }, registeredPersons: [{ personId: 'p1', name: 'Colleague', email: colleague }] },
    } as unknown as NewEvent;
    await sealEvents(sealer, vault, `contract#C-${tag}`, [order], context('customer', '2026-05-01T09:00:00.000Z'));
    const [buyerId, colleagueId] = await Promise.all([sealer.subjectOf(buyer), sealer.subjectOf(colleague)]);
    expect(await activity.lastActivityAt(buyerId)).toBe('2026-05-01T09:00:00.000Z');
    expect(await activity.lastActivityAt(colleagueId)).toBeUndefined();
    expect(await activity.isCustomer(buyerId)).toBe(true);
    expect(await activity.isCustomer(colleagueId)).toBe(true);
    // A ticket contact only is not.
    const contact = `only-contact-${tag}@example.com`;
    await sealEvents(sealer, vault, `ticket#T-${tag}`, [opened(contact)], context('staff', '2026-05-02T09:00:00.000Z'));
    expect(await activity.isCustomer(await sealer.subjectOf(contact))).toBe(false);
  });

  it('without a context (no metadata), seals and notes nothing', async () => {
    const email = `quiet-${randomBytes(4).toString('hex')}@example.com`;
    await sealEvents(sealer, vault, 'ticket#T-quiet', [opened(email)]);
    expect(await activity.lastActivityAt(await sealer.subjectOf(email))).toBeUndefined();
  });

  it('reads the index up to a day across its shards; entries move, are dropped, and a forgotten subject is filed afresh', async () => {
    const log = new SubjectActivity({ client, table: (await createTestTables(client)).vault });
    const ids = Array.from({ length: 12 }, () => randomBytes(16).toString('hex'));
    await Promise.all(ids.map((id, i) => log.note(id, `2026-01-${String(i + 1).padStart(2, '0')}T12:00:00.000Z`)));
    const until = async (day: string) => {
      const found: string[] = [];
      for await (const e of log.filedUntil(day)) found.push(`${e.day}#${e.subjectId}`);
      return found.sort();
    };
    expect(new Set(ids.map(auditShard)).size).toBeGreaterThan(1);
    expect(await until('2026-01-05')).toEqual(ids.slice(0, 5).map((id, i) => `2026-01-0${i + 1}#${id}`).sort());
    expect(await until('2025-12-31')).toEqual([]);

    await log.move({ subjectId: ids[0], day: '2026-01-01' }, '2026-06-01');
    await log.unfile({ subjectId: ids[1], day: '2026-01-02' });
    expect(await until('2026-01-05')).toEqual(ids.slice(2, 5).map((id, i) => `2026-01-0${i + 3}#${id}`).sort());
    expect(await until('2026-06-01')).toContain(`2026-06-01#${ids[0]}`);

    await log.forget(ids[1]);
    expect(await log.lastActivityAt(ids[1])).toBeUndefined();
    await log.note(ids[1], '2026-07-01T00:00:00.000Z');
    expect(await until('2026-07-01')).toContain(`2026-07-01#${ids[1]}`);
  });
});
