import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, uniqueEmail, type TestRuntime } from '../support/local-runtime';

const ZONE = 'Europe/Stockholm';
const today = () => DateTime.now().setZone(ZONE).startOf('day');
/** A 12-month start date whose term ends `daysFromToday` days from today (negative: in the past). */
const startsOnForTermEnding = (daysFromToday: number) => today().plus({ days: daysFromToday }).minus({ months: 12 }).toISODate()!;

/**
 * The staff read models through the HTTP API on the local runtime: a customer's contracts, the
 * contracts expiring between two instants and the renewal pipeline, paged, with distributor
 * agents seeing only their own distributor's contracts.
 */
describe('staff lists through the HTTP API', () => {
  let rt: TestRuntime;
  let admin: string;
  let agent: string;
  const email = uniqueEmail('Lookup.Ada');
  /** Terms far in the future (2032), so nothing else in this runtime ends near them. */
  const c: Record<string, string> = {};

  async function create(startsOn: string, customerEmail: string, token = admin): Promise<string> {
    const created = await rt.call('POST', '/v1/contracts', {
      token,
      body: { customer: { name: `Customer ${startsOn}`, email: customerEmail, locale: 'en' }, planId: 'gold', startsOn, termMonths: 12, timeZone: ZONE },
    });
    expect(created.status).toBe(201);
    return created.body.contractId;
  }

  beforeAll(async () => {
    rt = await startTestRuntime();
    admin = await rt.token('admin');
    agent = await rt.token('agent-l0', 'dist-1');
    c.mar = await create('2031-03-01', email); // ends 2032-02-29T23:00Z
    c.jan = await create('2031-01-15', email.toUpperCase()); // ends 2032-01-14T23:00Z
    c.feb = await create('2031-02-10', uniqueEmail('someone-else')); // ends 2032-02-09T23:00Z
    c.apr = await create('2031-04-01', email, agent); // ends 2032-03-31T22:00Z, distributor dist-1
    await rt.settle();
  });
  afterAll(() => rt?.stop());

  const get = (path: string, token = admin) => rt.call('GET', path, { token });
  /** Every page of a list; returns the contract ids in order and the pages' sizes. */
  async function all(path: string, token = admin): Promise<{ ids: string[]; sizes: number[]; items: any[] }> {
    const items: any[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await get(`${path}${cursor ? `&cursor=${cursor}` : ''}`, token);
      expect(page.status).toBe(200);
      items.push(...page.body.items);
      sizes.push(page.body.items.length);
      cursor = page.body.nextCursor;
    } while (cursor);
    return { ids: items.map((i) => i.contractId), sizes, items };
  }

  it("lists a customer's contracts whatever the e-mail's case, by term end, page by page", async () => {
    const q = `/v1/contracts?customerEmail=${encodeURIComponent(email.toLowerCase())}`;
    const first = await get(`${q}&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([
      { contractId: c.jan, customerName: 'Customer 2031-01-15', planId: 'gold', status: 'active', termEndsOn: '2032-01-15' },
      { contractId: c.mar, customerName: 'Customer 2031-03-01', planId: 'gold', status: 'active', termEndsOn: '2032-03-01' },
    ]);
    expect(first.body.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const second = await get(`${q}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((i: { contractId: string }) => i.contractId)).toEqual([c.apr]);
    expect(second.body.nextCursor).toBeUndefined();
    expect((await all(`${q}&limit=200`)).ids).toEqual([c.jan, c.mar, c.apr]);
  });

  it('lists the contracts whose term ends in [from, to), across month partitions and pages', async () => {
    const expiring = (from: string, to: string, extra = '') => all(`/v1/contracts/expiring?from=${from}&to=${to}${extra}`);
    expect((await expiring('2032-01-01T00:00:00Z', '2032-04-01T00:00:00Z')).ids).toEqual([c.jan, c.feb, c.mar, c.apr]);
    // The bounds are exact instants: `to` is excluded, `from` included, offsets understood.
    expect((await expiring('2032-01-01T00:00:00Z', '2032-02-29T23:00:00Z')).ids).toEqual([c.jan, c.feb]);
    expect((await expiring('2032-03-01T00:00:00%2B01:00', '2032-03-01T00:00:01%2B01:00')).ids).toEqual([c.mar]);
    const paged = await expiring('2031-12-01T00:00:00Z', '2032-04-30T00:00:00Z', '&limit=1');
    expect(paged.ids).toEqual([c.jan, c.feb, c.mar, c.apr]);
    expect(Math.max(...paged.sizes)).toBe(1);
    expect((await expiring('2033-01-01T00:00:00Z', '2033-02-01T00:00:00Z')).ids).toEqual([]);
  });

  it('shows a distributor agent only its own distributor\'s contracts', async () => {
    const q = `/v1/contracts?customerEmail=${encodeURIComponent(email)}`;
    expect((await all(q, agent)).ids).toEqual([c.apr]);
    // A page may hold fewer items than the limit (even none) when others' contracts are left out.
    const first = await get(`${q}&limit=2`, agent);
    expect(first.body.items).toEqual([]);
    expect(first.body.nextCursor).toBeDefined();
    const stranger = await rt.token('agent-l0', 'elsewhere');
    expect((await all('/v1/contracts/expiring?from=2032-01-01T00:00:00Z&to=2032-04-01T00:00:00Z', stranger)).ids).toEqual([]);
    expect((await all('/v1/contracts/expiring?from=2032-01-01T00:00:00Z&to=2032-04-01T00:00:00Z', agent)).ids).toEqual([c.apr]);
  });

  it('answers a bad query with a 400 naming the field', async () => {
    const fieldsOf = async (path: string) => {
      const answer = await get(path);
      expect(answer.status, path).toBe(400);
      return answer.body.error.fields.map((f: { path: string }) => f.path);
    };
    const customer = (await get(`/v1/contracts?customerEmail=${encodeURIComponent(email)}&limit=1`)).body.nextCursor;
    expect(await fieldsOf('/v1/contracts')).toEqual(['customerEmail']);
    expect(await fieldsOf('/v1/contracts?customerEmail=nope')).toEqual(['customerEmail']);
    expect(await fieldsOf(`/v1/contracts?customerEmail=a%40b.se&limit=201`)).toEqual(['limit']);
    expect(await fieldsOf(`/v1/contracts?customerEmail=a%40b.se&limit=0`)).toEqual(['limit']);
    expect(await fieldsOf(`/v1/contracts?customerEmail=a%40b.se&sort=asc`)).toEqual(['sort']);
    expect(await fieldsOf('/v1/contracts/expiring?to=2032-01-01T00:00:00Z')).toEqual(['from']);
    expect(await fieldsOf('/v1/contracts/expiring?from=2032-02-01T00:00:00Z&to=2032-01-01T00:00:00Z')).toEqual(['to']);
    expect(await fieldsOf('/v1/contracts/expiring?from=2031-01-01T00:00:00Z&to=2032-01-03T00:00:00Z')).toEqual(['to']);
    expect(await fieldsOf('/v1/contracts/expiring?from=tomorrow&to=2032-01-03T00:00:00Z')).toEqual(['from']);
    expect(await fieldsOf('/v1/renewal-pipeline?stage=won')).toEqual(['stage']);
    expect(await fieldsOf('/v1/renewal-pipeline')).toEqual(['stage']);
    expect(await fieldsOf('/v1/renewal-pipeline?stage=lapsed&cursor=bm90LWEtY3Vyc29y')).toEqual(['cursor']);
    // A cursor of one list is no cursor of another.
    expect(await fieldsOf(`/v1/renewal-pipeline?stage=lapsed&cursor=${customer}`)).toEqual(['cursor']);
    expect(await fieldsOf(`/v1/contracts?customerEmail=other%40example.com&cursor=${customer}`)).toEqual(['cursor']);
  });

  it('places contracts in the renewal pipeline: requested, reminded, renewed, lapsed', async () => {
    const r = {
      requested: await create(startsOnForTermEnding(20), uniqueEmail('pipe')),
      reminded: await create(startsOnForTermEnding(20), uniqueEmail('pipe')),
      renewed: await create(startsOnForTermEnding(10), uniqueEmail('pipe')),
      lapsed: await create(startsOnForTermEnding(-60), uniqueEmail('pipe')),
    };
    await rt.settle();
    const view = await get(`/v1/contracts/${r.requested}`);
    const asked = await rt.call('POST', '/v1/public/renewal-requests', {
      headers: { 'idempotency-key': randomUUID() },
      body: { contractNumber: r.requested, email: view.body.customer.email },
    });
    expect(asked.status).toBe(202);
    const now = new Date();
    await rt.fireSchedule('renewal-reminders', now);
    await rt.settle();
    expect((await rt.call('POST', `/v1/contracts/${r.renewed}/renewals`, { token: admin })).status).toBe(200);
    await rt.fireSchedule('expire-contracts', now);
    await rt.settle();
    await rt.fireSchedule('lapse-contracts', now);
    await rt.settle();

    const stages = {} as Record<string, string[]>;
    for (const stage of ['requested', 'reminded', 'renewed', 'lapsed']) stages[stage] = (await all(`/v1/renewal-pipeline?stage=${stage}&limit=1`)).ids;
    for (const [stage, contractId] of Object.entries(r)) {
      const where = Object.keys(stages).filter((s) => stages[s].includes(contractId));
      expect({ contractId, where }).toEqual({ contractId, where: [stage] });
    }
    const lapsed = (await all('/v1/renewal-pipeline?stage=lapsed')).items.find((i) => i.contractId === r.lapsed);
    expect(lapsed).toMatchObject({ status: 'lapsed', planId: 'gold' });
  });
});
