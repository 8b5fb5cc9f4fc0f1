import { randomUUID } from 'node:crypto';
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { DateTime } from 'luxon';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail } from '../support/local-runtime';
import { presetRuntime } from '../support/preset-journey';
import { q3ProfiContract } from '../support/q3-contract';

const ZONE = 'Europe/Zurich';
const NEUTRAL = { received: true, message: 'If the details match an agreement, we will send its support-time balance by e-mail.' };

/**
 * The support-time credit through the HTTP API on the Q3 preset (q3-support-concept-fr.txt): a
 * Profi rental with two main modules and CHF 1,200 annual rent gets 25 free minutes per rental
 * year for e-mail/phone support; beyond them it is billed at CHF 175/h, per case rounded up to
 * 5 minutes. Work is logged and corrected on tickets, the balance read by staff and asked for on
 * the website, and the year closed by the daily `credit-years` sweep (what is left expires).
 */
describe('support-time credit routes (Q3 preset)', () => {
  const run = presetRuntime('q3');
  let ddb: DynamoDBClient;
  const call = (method: string, path: string, body?: unknown, options: { token?: string; headers?: Record<string, string> } = {}) =>
    run.rt.call(method, path, { token: options.token ?? run.admin, ...(options.headers ? { headers: options.headers } : {}), ...(body === undefined ? {} : { body }) });
  /** The event types of a stream, read straight from the events table. */
  const streamTypes = async (streamId: string) => {
    const { Items = [] } = await ddb.send(
      new QueryCommand({ TableName: run.rt.tables.events, KeyConditionExpression: 'streamId = :s', ExpressionAttributeValues: { ':s': { S: streamId } }, ConsistentRead: true }),
    );
    return Items.map((i) => i.type!.S!);
  };

  const email = uniqueEmail('credit');
  // The rental year started two months ago (in Zurich), so it runs today and ends in ten months.
  const startsOn = DateTime.now().setZone(ZONE).minus({ months: 2 }).toISODate()!;
  const endsOn = DateTime.fromISO(startsOn).plus({ months: 12 }).toISODate()!;
  const yearEndsAt = DateTime.fromISO(endsOn, { zone: ZONE }).startOf('day');
  let contractId: string;
  let ticketA: string;
  let ticketB: string;
  const entries: string[] = [];

  const openTicket = async () => {
    const opened = await call('POST', '/v1/tickets', {
      contractId,
      channel: 'email',
      category: 'general',
      severity: 'normal',
      subject: 'Le décompte des salaires ne sort pas',
      description: 'Le décompte de novembre reste vide.',
      contact: { name: 'Hélène Favre', email, locale: 'fr' },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    return opened.body.ticketId as string;
  };
  const logWork = (ticketId: string, body: Record<string, unknown>, options?: Parameters<typeof call>[3]) =>
    call('POST', `/v1/tickets/${ticketId}/work-logs`, body, options);
  const correct = (ticketId: string, entryId: string, body: Record<string, unknown>) => call('POST', `/v1/tickets/${ticketId}/work-logs/${entryId}/corrections`, body);

  beforeAll(async () => {
    ddb = new DynamoDBClient({ endpoint: run.rt.dynamoEndpoint, region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const created = await call('POST', '/v1/contracts', q3ProfiContract({ name: 'Fiduciaire Exemple SA', email, locale: 'fr', customerId: 'CUST-4711' }, startsOn));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    contractId = created.body.contractId;
    await run.rt.settle();
    ticketA = await openTicket();
    ticketB = await openTicket();
    await run.rt.settle();
  });

  it('books work from the credit first, per case rounded to 5 minutes, then bills CHF 175/h', async () => {
    const year = { startsOn, endsOn };
    // Case A: 7 minutes round to 10, paid from the 25 minutes of credit.
    const first = await logWork(ticketA, { minutes: 7, activity: 'user-support', note: 'Paramètres du décompte' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      ticketId: ticketA,
      contractId,
      booking: { basis: 'billable', yearStartsOn: startsOn, billableMinutes: 10, creditMinutes: 10 },
      balance: { grantedMinutes: 25, usedMinutes: 10, leftMinutes: 15, year },
    });
    expect(first.body.booking.billed).toBeUndefined();
    entries.push(first.body.entryId);
    // 2 more minutes stay within the case's rounded 10.
    const second = await logWork(ticketA, { minutes: 2, activity: 'user-support', performedAt: DateTime.now().minus({ hours: 1 }).toUTC().toISO() });
    expect(second.body).toMatchObject({ booking: { billableMinutes: 0, creditMinutes: 0 }, balance: { usedMinutes: 10, leftMinutes: 15 } });
    entries.push(second.body.entryId);

    // Case B: 20 minutes, 15 from the credit left, 5 billed; then a full hour, all billed at CHF 175.
    const third = await logWork(ticketB, { minutes: 20, activity: 'user-support' });
    expect(third.body).toMatchObject({
      booking: { billableMinutes: 20, creditMinutes: 15, billed: { minutes: 5, perHour: { amount: 17500, currency: 'CHF' }, amount: { amount: 1458, currency: 'CHF' } } },
      balance: { usedMinutes: 25, leftMinutes: 0 },
    });
    const hour = await logWork(ticketB, { minutes: 60, activity: 'user-support' });
    expect(hour.body.booking).toEqual({
      basis: 'billable',
      yearStartsOn: startsOn,
      billableMinutes: 60,
      creditMinutes: 0,
      billed: { minutes: 60, perHour: { amount: 17500, currency: 'CHF' }, amount: { amount: 17500, currency: 'CHF' } },
    });
    // A free case costs nothing.
    const free = await logWork(ticketB, { minutes: 30, activity: 'first-installation', freeReason: 'first-installation' });
    expect(free.body).toMatchObject({ booking: { basis: 'free', billableMinutes: 0, creditMinutes: 0 }, balance: { leftMinutes: 0 } });
  });

  it('refuses an unknown activity, an unknown free case, work still to come, bad bodies and unknown tickets, and writes nothing', async () => {
    const before = await streamTypes(`credit#${contractId}`);
    const refused = async (body: Record<string, unknown>, path: string) => {
      const answer = await logWork(ticketA, body);
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(answer.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    };
    await refused({ minutes: 5, activity: 'juggling' }, 'activity');
    await refused({ minutes: 5, activity: 'user-support', freeReason: 'because' }, 'freeReason');
    await refused({ minutes: 5, activity: 'user-support', performedAt: DateTime.now().plus({ days: 1 }).toUTC().toISO() }, 'performedAt');
    await refused({ minutes: 0, activity: 'user-support' }, 'minutes');
    await refused({ minutes: 1441, activity: 'user-support' }, 'minutes');
    await refused({ minutes: 5, activity: 'user-support', colour: 'red' }, 'colour');
    expect((await logWork(ulid(), { minutes: 5, activity: 'user-support' })).status).toBe(404);
    expect((await logWork(ticketA, { minutes: 5, activity: 'user-support' }, { token: await run.rt.token('agent-l0', 'elsewhere') })).status).toBe(403);
    expect((await logWork(ticketA, { minutes: 5, activity: 'user-support' }, { token: await run.rt.token('dpo') })).status).toBe(403);
    expect(await streamTypes(`credit#${contractId}`)).toEqual(before);
  });

  it('a repeat with the same Idempotency-Key answers the first answer and appends nothing', async () => {
    const headers = { 'idempotency-key': `log-${randomUUID()}` };
    const first = await logWork(ticketB, { minutes: 5, activity: 'user-support', freeReason: 'verified-software-error' }, { headers });
    expect(first.status).toBe(201);
    const count = (await streamTypes(`credit#${contractId}`)).length;
    const again = await logWork(ticketB, { minutes: 5, activity: 'user-support', freeReason: 'verified-software-error' }, { headers });
    expect([again.status, again.body, again.headers.get('idempotent-replayed')]).toEqual([201, first.body, 'true']);
    expect(await streamTypes(`credit#${contractId}`)).toHaveLength(count);
  });

  it('corrects an entry: its case is re-booked, a correction that changes nothing is unchanged', async () => {
    const [entryId] = entries;
    // Case A becomes 3 + 2 = 5 minutes: 5 minutes of credit come back.
    const corrected = await correct(ticketA, entryId!, { minutes: 3, activity: 'user-support', note: 'Paramètres du décompte', reason: 'Saisie erronée' });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.body).toEqual({
      entryId,
      changes: [
        {
          entryId,
          reversed: { basis: 'billable', yearStartsOn: startsOn, billableMinutes: 10, creditMinutes: 10 },
          rebooked: { basis: 'billable', yearStartsOn: startsOn, billableMinutes: 5, creditMinutes: 5 },
        },
      ],
      balance: { grantedMinutes: 25, usedMinutes: 20, leftMinutes: 5, year: expect.objectContaining({ startsOn, endsOn }) },
    });
    const same = await correct(ticketA, entryId!, { minutes: 3, activity: 'user-support', note: 'Paramètres du décompte', reason: 'Encore' });
    expect([same.status, same.body]).toEqual([200, { entryId, unchanged: true }]);

    expect((await correct(ticketA, ulid(), { minutes: 3, activity: 'user-support', reason: 'x' })).status).toBe(404);
    expect((await correct(ticketB, entryId!, { minutes: 3, activity: 'user-support', reason: 'x' })).status).toBe(404);
    const bad = await correct(ticketA, entryId!, { minutes: 3, activity: 'juggling', reason: 'x' });
    expect([bad.status, bad.body.error.fields[0].path]).toEqual([400, 'activity']);
    expect((await correct(ticketA, entryId!, { minutes: 3, activity: 'user-support' })).body.error.fields[0].path).toBe('reason');
    expect((await correct(ticketA, 'not-an-entry', { minutes: 3, activity: 'user-support', reason: 'x' })).body.error.fields[0].path).toBe('entryId');
  });

  it('shows the credit: the balance, this year’s entries with their bookings, and the closed years', async () => {
    const credit = await call('GET', `/v1/contracts/${contractId}/credit`, undefined, { token: await run.rt.token('billing') });
    expect(credit.status, JSON.stringify(credit.body)).toBe(200);
    expect(credit.body).toMatchObject({
      contractId,
      customerId: 'CUST-4711',
      balance: { year: { startsOn, endsOn }, includedMinutes: 25, addOnMinutes: 0, grantedMinutes: 25, usedMinutes: 20, leftMinutes: 5, covers: ['user-support'] },
      closedYears: [],
    });
    expect(credit.body.entries).toHaveLength(6);
    // By when the work was done: the 2 minutes logged for an hour ago come first.
    expect(credit.body.entries[0]).toMatchObject({ entryId: entries[1], ticketId: ticketA, minutes: 2, activity: 'user-support' });
    expect(credit.body.entries.find((e: { entryId: string }) => e.entryId === entries[0])).toMatchObject({
      minutes: 3,
      note: 'Paramètres du décompte',
      corrections: 1,
      booking: { billableMinutes: 5, creditMinutes: 5 },
    });
    // After the year's end (read ahead, nothing written): the year has closed with 5 minutes expired.
    const after = await call('GET', `/v1/contracts/${contractId}/credit?at=${encodeURIComponent(yearEndsAt.plus({ hours: 1 }).toUTC().toISO()!)}`);
    expect(after.body).toMatchObject({ balance: { leftMinutes: 0, grantedMinutes: 0 }, entries: [], closedYears: [{ startsOn, endsOn, granted: 25, used: 20, expired: 5 }] });
    expect(after.body.balance.year).toBeUndefined();

    expect((await call('GET', `/v1/contracts/${ulid()}/credit`)).status).toBe(404);
    expect((await call('GET', `/v1/contracts/${contractId}/credit`, undefined, { token: await run.rt.token('agent-l0', 'elsewhere') })).status).toBe(403);
    expect((await call('GET', `/v1/contracts/${contractId}/credit?at=tomorrow`)).body.error.fields[0].path).toBe('at');
  });

  it('the public balance form: a match and a mismatch get the same answer; only a match is recorded, once per key', async () => {
    const stream = `credit#${contractId}`;
    const requested = async () => (await streamTypes(stream)).filter((t) => t === 'CreditBalanceRequested').length;
    const ask = (body: unknown, key = `balance-${randomUUID()}`) =>
      run.rt.call('POST', '/v1/public/credit-balance-requests', { body, headers: { 'idempotency-key': key } });

    const key = `balance-${randomUUID()}`;
    const match = await ask({ contractNumber: contractId.toLowerCase(), email: email.toUpperCase() }, key);
    expect([match.status, match.body]).toEqual([202, NEUTRAL]);
    expect(await requested()).toBe(1);
    const repeat = await ask({ contractNumber: contractId.toLowerCase(), email: email.toUpperCase() }, key);
    expect([repeat.status, repeat.body]).toEqual([202, NEUTRAL]);
    expect(await requested()).toBe(1);

    for (const body of [{ contractNumber: contractId, email: uniqueEmail('stranger') }, { contractNumber: ulid(), email }, { contractNumber: 'Q3-12345', email }]) {
      const answer = await ask(body);
      expect([answer.status, answer.body]).toEqual([match.status, match.body]);
      expect(answer.headers.get('content-type')).toBe(match.headers.get('content-type'));
    }
    expect(await requested()).toBe(1);

    expect((await ask({ contractNumber: contractId, email: 'not-an-email' })).body.error.fields[0].path).toBe('email');
    const noKey = await run.rt.call('POST', '/v1/public/credit-balance-requests', { body: { contractNumber: contractId, email } });
    expect([noKey.status, noKey.body.error.fields[0].path]).toEqual([400, 'Idempotency-Key']);
  });

  it('the daily credit-years sweep closes the year at its end (what is left expires), once', async () => {
    await run.rt.settle();
    const stream = `credit#${contractId}`;
    const fire = async (at: DateTime) => {
      await run.rt.fireSchedule('credit-years', at.toJSDate());
      await run.rt.settle();
    };
    const before = await streamTypes(stream);
    await fire(yearEndsAt.minus({ minutes: 30 }));
    expect(await streamTypes(stream)).toEqual(before);

    await fire(yearEndsAt.plus({ minutes: 30 }));
    const after = await streamTypes(stream);
    // The term ends with the year: no next year opens.
    expect(after).toEqual([...before, 'CreditYearClosed']);
    await fire(yearEndsAt.plus({ minutes: 30 }));
    await fire(yearEndsAt.plus({ days: 1, minutes: 30 }));
    expect(await streamTypes(stream)).toEqual(after);

    // An entry booked in the closed year can no longer change.
    const closed = await correct(ticketA, entries[0]!, { minutes: 4, activity: 'user-support', reason: 'Trop tard' });
    expect([closed.status, closed.body.error?.code]).toEqual([409, 'credit_year_closed']);
  });
});
