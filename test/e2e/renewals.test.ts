import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, uniqueEmail, type TestRuntime } from '../support/local-runtime';


const ZONE = 'Europe/Stockholm';
const today = () => DateTime.now().setZone(ZONE).startOf('day');
/** A 12-month start date whose term ends `daysFromToday` days from today (negative: in the past). */
const startsOnForTermEnding = (daysFromToday: number) => today().plus({ days: daysFromToday }).minus({ months: 12 }).toISODate()!;

/**
 * POST /v1/contracts/{id}/renewals with the default (qualisys) catalog, whose late rule (example
 * values) is: 30 days' grace, the new term back-dated to the anniversary, a 10 % penalty with a
 * USD 250 minimum in the Americas, and no reinstatement after 365 days.
 *
 * Renew takes `now` from the request time, so each contract is created with a term that ended
 * (or ends) at the right distance from today, in the contract's zone.
 */
describe('renewing contracts through the HTTP API (qualisys late rule)', () => {
  let rt: TestRuntime;
  let admin: string;

  beforeAll(async () => {
    rt = await startTestRuntime();
    admin = await rt.token('admin');
  });
  afterAll(() => rt?.stop());

  /** A Gold contract (USD 2,500 a year in the Americas) and its view, projected. */
  async function contract(startsOn: string, extra: Record<string, unknown> = {}) {
    const created = await rt.call('POST', '/v1/contracts', {
      token: admin,
      body: { customer: { name: 'Ada', email: uniqueEmail('renew'), locale: 'en' }, planId: 'gold', startsOn, termMonths: 12, timeZone: ZONE, ...extra },
    });
    expect(created.status).toBe(201);
    await rt.settle();
    const view = await rt.call('GET', `/v1/contracts/${created.body.contractId}`, { token: admin });
    return view.body as { contractId: string; termEndsOn: string; version: number };
  }
  const renew = (contractId: string, token: string, headers: Record<string, string> = {}) =>
    rt.call('POST', `/v1/contracts/${contractId}/renewals`, { token, headers });
  const plusYear = (date: string) => DateTime.fromISO(date, { zone: 'UTC' }).plus({ months: 12 }).toISODate();

  it('renews on time (before the term ends) for the next term from the old end, once; a repeated key answers the same', async () => {
    const c = await contract(startsOnForTermEnding(10));
    expect(c.termEndsOn > today().toISODate()!).toBe(true);
    const headers = { 'idempotency-key': `renew-${c.contractId}` };
    const renewed = await renew(c.contractId, admin, headers);
    expect(renewed.status).toBe(200);
    expect(renewed.body).toEqual({ contractId: c.contractId, outcome: 'renewed', term: { termStartsOn: c.termEndsOn, termEndsOn: plusYear(c.termEndsOn) } });

    const replayed = await renew(c.contractId, admin, headers);
    expect([replayed.status, replayed.body]).toEqual([200, renewed.body]);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');

    // Without the key it is a second renewal, which the term already granted refuses.
    const twice = await renew(c.contractId, admin);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_renewed');

    await rt.settle();
    const view = await rt.call('GET', `/v1/contracts/${c.contractId}`, { token: admin });
    expect(view.body).toMatchObject({ status: 'active', termStartsOn: c.termEndsOn, termEndsOn: plusYear(c.termEndsOn), version: 3 });
  });

  it('renews within the grace period with no fee, the new term back-dated to the old end', async () => {
    const c = await contract(startsOnForTermEnding(-10));
    const renewed = await renew(c.contractId, admin);
    expect(renewed.status).toBe(200);
    expect(renewed.body).toEqual({ contractId: c.contractId, outcome: 'renewed', term: { termStartsOn: c.termEndsOn, termEndsOn: plusYear(c.termEndsOn) } });
  });

  it('reinstates after the grace period with the fee lines and total in the answer', async () => {
    const c = await contract(startsOnForTermEnding(-60));
    const reinstated = await renew(c.contractId, admin);
    expect(reinstated.status).toBe(200);
    // 10 % of USD 2,500.00 is USD 250.00, exactly the minimum: one penalty line, no top-up.
    expect(reinstated.body).toEqual({
      contractId: c.contractId,
      outcome: 'reinstated',
      term: { termStartsOn: c.termEndsOn, termEndsOn: plusYear(c.termEndsOn) },
      fee: {
        lines: [
          {
            kind: 'penalty',
            description: expect.stringContaining('10 %'),
            quantity: 1,
            unitPrice: { amount: 25_000, currency: 'USD' },
            amount: { amount: 25_000, currency: 'USD' },
          },
        ],
        total: { amount: 25_000, currency: 'USD' },
      },
    });
    await rt.settle();
    const view = await rt.call('GET', `/v1/contracts/${c.contractId}`, { token: admin });
    expect(view.body).toMatchObject({ status: 'active', reinstatementTotal: { amount: 25_000, currency: 'USD' }, termStartsOn: c.termEndsOn });
  });

  it('refuses after the cut-off with a 409 reinstatement_refused and the reason, writing nothing', async () => {
    const c = await contract(startsOnForTermEnding(-400));
    const refused = await renew(c.contractId, admin);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('reinstatement_refused');
    expect(refused.body.error.message).toMatch(/lapsed 400 days ago; after 365 days it can no longer be reinstated\. Please place a new order\./);
    await rt.settle();
    expect((await rt.call('GET', `/v1/contracts/${c.contractId}`, { token: admin })).body.version).toBe(c.version);
  });

  it('lets billing and a distributor agent of its own customer renew; refuses other roles, other distributors, a body and unknown contracts', async () => {
    const c = await contract(startsOnForTermEnding(20), { distributorId: 'north' });
    expect((await renew(c.contractId, await rt.token('dpo'))).status).toBe(403);
    expect((await renew(c.contractId, await rt.token('agent-l0', 'south'))).status).toBe(403);
    const withBody = await rt.call('POST', `/v1/contracts/${c.contractId}/renewals`, { token: admin, body: { termMonths: 24 } });
    expect(withBody.status).toBe(400);
    expect(withBody.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['termMonths']);
    expect((await renew('01M7YJG0YP0A9FX004VZ2GA6YN', admin)).status).toBe(404);
    const own = await renew(c.contractId, await rt.token('agent-l0', 'north'));
    expect(own.status).toBe(200);
    expect(own.body.outcome).toBe('renewed');
    const other = await contract(startsOnForTermEnding(20));
    expect((await renew(other.contractId, await rt.token('billing'))).status).toBe(200);
  });
});
