import { randomUUID } from 'node:crypto';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { NewEvent } from '../../events/catalog';
import { purposeKeyRef } from '../../events/sealed';
import { dynamo } from '../../functions/runtime/clients';
import { tableName } from '../../functions/runtime/env';
import { sealer, sealForStore, vault } from '../../functions/runtime/vault';
import { summarize, type Summary } from './stats';

export interface PrivacyBench {
  /** Sealing a website order (customer + origin IP) of a subject never seen: new key, stream notes, activity. */
  newSubject: Summary;
  /** The same, for a subject whose key this container holds (cached), on a new stream. */
  knownSubject: Summary;
  /** A reply on a ticket whose owner is known (sealed with the owner's cached key, nothing to note). */
  reply: Summary;
  /** Opening every sealed value of a sealed order (keys cached). */
  open: Summary;
  purge: { keys: number; expired: number; purgeMs: number; deleted: number; ok: boolean };
}

const order = (email: string): NewEvent =>
  ({
    type: 'ContractOrdered',
    payload: {
      contractId: randomUUID(),
      channel: 'website',
      customer: { name: 'Ada Bench', email, locale: 'en', timeZone: 'Europe/Stockholm', taxId: 'SE5566778899' },
      regionId: 'emea', planId: 'gold', termMonths: 12, startsOn: '2026-01-01', licencePackages: 1, addOns: [], registeredPersons: [],
      quote: { lines: [], total: { amount: 0, currency: 'EUR' } },
    },
  }) as NewEvent;

async function timed(n: number, op: (i: number) => Promise<unknown>): Promise<Summary> {
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await op(i);
    latencies.push(performance.now() - t);
  }
  return summarize(latencies, performance.now() - started);
}

/**
 * The PII vault's costs on DynamoDB Local (the sweeps' environment: tables and VAULT_MASTER_KEY set):
 * the store's sealing step for a website order, new subject vs known one; opening; and the
 * retention job purging expired purpose keys (one query, no scan) among live ones.
 */
export async function benchPrivacy(options: { seals: number; opens: number; purposeKeys: number }): Promise<PrivacyBench> {
  const metadata = (i: number) => ({ occurredAt: new Date().toISOString(), correlationId: `b${i}`, causationId: `b${i}`, actor: { kind: 'customer' as const, id: 'website' }, origin: { ip: `203.0.113.${i % 250}` } });
  await sealForStore('contract#warm', [order('warm@example.com')], metadata(0));

  const newSubject = await timed(options.seals, (i) => sealForStore(`contract#new-${i}`, [order(`new-${i}-${randomUUID()}@example.com`)], metadata(i)));
  const known = `known-${randomUUID()}@example.com`;
  const knownSubject = await timed(options.seals, (i) => sealForStore(`contract#known-${i}`, [order(known)], metadata(i)));
  const reply = { type: 'AgentReplied', payload: { ticketId: 'bench', body: 'We have restarted the service; please try again.' } } as unknown as NewEvent;
  await sealForStore('ticket#bench', [{ type: 'TicketOpened', payload: { contact: { email: known } } } as unknown as NewEvent]).catch(() => undefined);
  const replies = await timed(options.seals, () => sealForStore('ticket#bench', [reply]));
  const sealed = await sealForStore('contract#open', [order(known)], metadata(1));
  const events = Array.isArray(sealed) ? sealed : sealed.events;
  const open = await timed(options.opens, () => sealer().openDeep(events[0]!.payload));

  const past = Math.floor(Date.now() / 1000) - 60;
  const future = Math.floor(Date.now() / 1000) + 86_400;
  const expired = Math.floor(options.purposeKeys / 2);
  const run = randomUUID().slice(0, 8);
  const refs = Array.from({ length: options.purposeKeys }, (_, i) => purposeKeyRef(`bench${run}`, String(i)));
  for (const [i, ref] of refs.entries()) await sealer().seal('198.51.100.7', ref, i < expired ? past : future);
  const started = performance.now();
  const deleted = (await vault().purgeExpired(new Date().toISOString())).filter((ref) => ref.startsWith(`p-bench${run}-`)).length;
  const purgeMs = performance.now() - started;
  // Gone: every expired key (the purge's, or DynamoDB TTL's if it came first); kept: every live one.
  const stored = async (ref: string) =>
    (await dynamo().send(new GetItemCommand({ TableName: tableName('vault'), Key: { pk: { S: `key#${ref}` }, sk: { S: 'key' } }, ConsistentRead: true }))).Item !== undefined;
  const present = await Promise.all(refs.map(stored));
  const ok = present.every((p, i) => p === i >= expired);
  return { newSubject, knownSubject, reply: replies, open, purge: { keys: options.purposeKeys, expired, purgeMs, deleted, ok } };
}
