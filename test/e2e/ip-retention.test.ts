import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Origin } from '../../events/envelope';
import { keyRefOf } from '../../events/sealed';
import { analyticsPeriodKey, ipNetwork, isIpAddress, securityPeriodKey } from '../../domain/privacy/retention-periods';
import { Sealer } from '../../functions/privacy/sealer';
import { LocalKeyWrapper } from '../../functions/vault/key-wrapper';
import { Vault } from '../../functions/vault/vault';
import { startTestRuntime, uniqueEmail, type TestRuntime } from '../support/local-runtime';
import { scanAll } from '../support/stored-data';

const DAY_MS = 86_400_000;

/**
 * The IP addresses of website requests (issue 6) through the local runtime: a public form's event
 * carries its origin only sealed (the full address under the week's security key, the network
 * under the month's analytics key); the daily `privacy-retention` sweep deletes the week's key
 * after about three weeks and the month's after twelve months more, while staff requests carry
 * no origin and the customer's own data stays.
 */
describe('IP addresses of website requests, kept per purpose and period', () => {
  let rt: TestRuntime;
  let admin: string;
  let sealer: Sealer;

  beforeAll(async () => {
    rt = await startTestRuntime();
    admin = await rt.token('admin');
    // Opens what the runtime sealed: its vault table, its master key, no cache.
    const client = new DynamoDBClient({ endpoint: rt.dynamoEndpoint, region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const wrapper = new LocalKeyWrapper(Buffer.from(process.env.VAULT_MASTER_KEY!, 'base64'));
    sealer = new Sealer(new Vault({ client, table: rt.tables.vault, wrapper, cacheMs: 0 }));
  });
  afterAll(() => rt?.stop());

  it('stores a public form\'s IP only sealed, opens it until its period ends, then reads it as erased', async () => {
    const staff = await rt.call('POST', '/v1/contracts', {
      token: admin,
      body: { customer: { name: 'Staff Entered', email: uniqueEmail('staff'), locale: 'en' }, planId: 'gold', startsOn: '2026-01-01', termMonths: 12 },
    });
    expect(staff.status).toBe(201);

    const placedAt = Date.now();
    const placed = await rt.call('POST', '/v1/public/orders', {
      headers: { 'idempotency-key': `ip-${placedAt}` },
      body: { customer: { name: 'Grace Hopper', email: uniqueEmail('grace'), locale: 'sv' }, planId: 'diamond', termMonths: 12, startsOn: '2026-03-01' },
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(202);
    const { contractId } = placed.body;
    await rt.settle();

    // The website's event carries its origin, sealed; the staff member's carries none.
    const items = await scanAll(rt, rt.tables.events);
    const itemOf = (id: string) => items.find((i) => i.streamId.S === `contract#${id}` && i.version.N === '1')!;
    expect(itemOf(staff.body.contractId).origin).toBeUndefined();
    const stored = itemOf(contractId);
    const origin = Origin.parse(JSON.parse(stored.origin!.S!));
    const occurredAt = stored.occurredAt.S!;
    expect(keyRefOf(origin.security)).toBe(securityPeriodKey(occurredAt).keyRef);
    expect(keyRefOf(origin.analytics!)).toBe(analyticsPeriodKey(occurredAt).keyRef);

    // Before the purge it opens: the full address for security, the network for analytics.
    const ip = (await sealer.open(origin.security))!;
    expect(isIpAddress(ip), ip).toBe(true);
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1']).toContain(ip);
    expect(await sealer.open(origin.analytics!)).toBe(ipNetwork(ip));

    // At rest, no address and no network in clear: not in the events, nor in any other table.
    for (const [id, table] of Object.entries(rt.tables)) {
      const raw = JSON.stringify(await scanAll(rt, table));
      for (const clear of [ip, ipNetwork(ip)]) expect(raw.includes(clear), `${clear} in clear in ${id}`).toBe(false);
    }
    // Nor in the answers.
    expect(JSON.stringify(placed.body)).not.toContain(ip);
    const view = await rt.call('GET', `/v1/contracts/${contractId}`, { token: admin });
    expect(view.status).toBe(200);
    expect(JSON.stringify(view.body)).not.toContain(ip);

    // The daily purge the day after: nothing is due yet.
    expect(await rt.fireSchedule('privacy-retention', new Date(placedAt + DAY_MS))).toEqual({ deleted: 0 });
    expect(await sealer.open(origin.security)).toBe(ip);

    // Four weeks later: the week's security key is gone, the month's analytics key stays.
    const weeksLater = (await rt.fireSchedule('privacy-retention', new Date(placedAt + 28 * DAY_MS))) as { deleted: number };
    expect(weeksLater.deleted).toBeGreaterThanOrEqual(1);
    expect(await sealer.open(origin.security)).toBeUndefined();
    expect(await sealer.open(origin.analytics!)).toBe(ipNetwork(ip));

    // Thirteen months later: both are gone; the event still replays and the customer's own data still opens.
    const monthsLater = new Date(placedAt);
    monthsLater.setUTCMonth(monthsLater.getUTCMonth() + 13);
    expect(((await rt.fireSchedule('privacy-retention', monthsLater)) as { deleted: number }).deleted).toBeGreaterThanOrEqual(1);
    expect(await sealer.openDeep(origin)).toEqual({ security: '[erased]', analytics: '[erased]' });
    const after = await rt.call('GET', `/v1/contracts/${contractId}`, { token: admin });
    expect(after.status).toBe(200);
    expect(after.body.customer).toMatchObject({ name: 'Grace Hopper' });
  });
});
