import { randomUUID } from 'node:crypto';
import { DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, uniqueEmail, type TestRuntime } from '../support/local-runtime';


const ORIGIN = 'https://www.example-vendor.test';

const websiteOrder = (email: string, overrides: Record<string, unknown> = {}) => ({
  customer: { name: 'Grace Hopper', email, locale: 'sv', timeZone: 'Europe/Stockholm' },
  planId: 'diamond',
  termMonths: 12,
  startsOn: '2026-03-01',
  ...overrides,
});

/** The website forms (POST /v1/public/orders, POST /v1/public/renewal-requests) on the local runtime. */
describe('public website forms through the HTTP API', () => {
  let rt: TestRuntime;
  let admin: string;
  let ddb: DynamoDBClient;

  /** Every event in this runtime's events table, as stream, version and type. */
  const allEvents = async () => {
    const items: Record<string, AttributeValue>[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await ddb.send(new ScanCommand({ TableName: rt.tables.events, ConsistentRead: true, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items.map((i) => ({ streamId: i.streamId!.S!, version: Number(i.version!.N), type: i.type?.S }));
  };
  const key = () => ({ 'idempotency-key': `form-${randomUUID()}` });

  beforeAll(async () => {
    rt = await startTestRuntime();
    admin = await rt.token('admin');
    ddb = new DynamoDBClient({ endpoint: rt.dynamoEndpoint, region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  });
  afterAll(() => {
    ddb?.destroy();
    return rt?.stop();
  });

  describe('the order form', () => {
    it('lists each wrong field with a 400 (from the schema and from the catalog) and writes nothing', async () => {
      const before = (await allEvents()).length;
      const email = uniqueEmail('bad-order');
      const bad = await rt.call('POST', '/v1/public/orders', {
        headers: key(),
        body: websiteOrder(email, { customer: { name: 'Grace', email: 'nope', locale: 'sv' }, termMonths: 0, coupon: 'FREE' }),
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('validation_failed');
      expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['coupon', 'customer.email', 'termMonths']);

      // Well-formed, but the catalog refuses it: the loaner add-on is for Diamond and Platinum only.
      const refused = await rt.call('POST', '/v1/public/orders', {
        headers: key(),
        body: websiteOrder(email, { planId: 'gold', addOns: [{ addOnId: 'camera-loaner' }] }),
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.fields).toEqual([{ path: 'addOns.0.addOnId', message: expect.stringMatching(/Diamond.*Platinum|Platinum.*Diamond/) }]);
      expect((await allEvents()).length).toBe(before);
    });

    it('answers a valid order with 202, the quote, and one new stream holding only the order; a repeat with the same key answers the same and writes nothing', async () => {
      const before = await allEvents();
      const headers = { ...key(), origin: ORIGIN };
      const body = websiteOrder(uniqueEmail('order'));
      const placed = await rt.call('POST', '/v1/public/orders', { headers, body });
      expect(placed.status).toBe(202);
      expect(placed.body).toEqual({
        contractId: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
        status: 'ordered',
        quote: { lines: expect.arrayContaining([expect.objectContaining({ kind: 'plan', ref: 'diamond' })]), total: { amount: 400_000, currency: 'USD' } },
      });
      // CORS for the configured origin on the form's answer itself.
      expect(placed.headers.get('access-control-allow-origin')).toBe(ORIGIN);

      const after = await allEvents();
      const added = after.filter((e) => !before.some((b) => b.streamId === e.streamId && b.version === e.version));
      expect(added).toEqual([{ streamId: `contract#${placed.body.contractId}`, version: 1, type: 'ContractOrdered' }]);

      const again = await rt.call('POST', '/v1/public/orders', { headers, body });
      expect(again.status).toBe(202);
      expect(again.body).toEqual(placed.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect((await allEvents()).length).toBe(after.length);

      // The order is placed, not active: staff activate it.
      await rt.settle();
      const view = await rt.call('GET', `/v1/contracts/${placed.body.contractId}`, { token: admin });
      expect(view.body).toMatchObject({ status: 'ordered', channel: 'website', planId: 'diamond', customer: { locale: 'sv' }, version: 1 });
    });

    it('requires an Idempotency-Key (400) and answers CORS preflights for the configured origin only', async () => {
      const missing = await rt.call('POST', '/v1/public/orders', { body: websiteOrder(uniqueEmail()) });
      expect(missing.status).toBe(400);
      expect(missing.body.error.fields).toEqual([{ path: 'Idempotency-Key', message: 'This header is required.' }]);

      const preflight = (origin: string) =>
        fetch(`${rt.apiUrl}/v1/public/orders`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
        });
      const allowed = await preflight(ORIGIN);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(allowed.headers.get('access-control-allow-headers')).toContain('idempotency-key');
      expect((await preflight('https://evil.test')).headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('the renewal form', () => {
    it('answers a valid request, an unknown number, a malformed number and a wrong e-mail identically; only the valid one writes a RenewalRequested', async () => {
      const email = uniqueEmail('Renew.Me');
      const created = await rt.call('POST', '/v1/contracts', {
        token: admin,
        body: { customer: { name: 'Ada', email, locale: 'en' }, planId: 'gold', startsOn: '2026-01-01', termMonths: 12 },
      });
      expect(created.status).toBe(201);
      const { contractId } = created.body;
      await rt.settle();
      const before = await allEvents();

      const ask = (body: unknown, headers: Record<string, string> = key()) => rt.call('POST', '/v1/public/renewal-requests', { headers, body });
      const validKey = key();
      const answers = {
        // The e-mail compares case-insensitively, and the number may be typed in lower case.
        valid: await ask({ contractNumber: contractId.toLowerCase(), email: email.toUpperCase() }, validKey),
        unknownNumber: await ask({ contractNumber: ulid(), email }),
        malformedNumber: await ask({ contractNumber: 'SL-2026-0042', email }),
        wrongEmail: await ask({ contractNumber: contractId, email: uniqueEmail('someone-else') }),
      };
      const neutral = { received: true, message: 'If the details match an agreement, we will send the next steps by e-mail.' };
      for (const [name, answer] of Object.entries(answers)) {
        expect({ name, status: answer.status, body: answer.body }).toEqual({ name, status: 202, body: neutral });
        expect(answer.headers.get('idempotent-replayed'), name).toBeNull();
      }
      const headerNames = (h: Headers) => [...h.keys()].filter((k) => k !== 'date').sort();
      for (const answer of Object.values(answers)) expect(headerNames(answer.headers)).toEqual(headerNames(answers.valid.headers));

      const added = (await allEvents()).filter((e) => !before.some((b) => b.streamId === e.streamId && b.version === e.version));
      expect(added).toEqual([{ streamId: `contract#${contractId}`, version: 3, type: 'RenewalRequested' }]);

      // A repeat (same key and body) answers the same and writes nothing; so does a second request with a new key.
      const repeat = await ask({ contractNumber: contractId.toLowerCase(), email: email.toUpperCase() }, validKey);
      expect([repeat.status, repeat.body]).toEqual([202, neutral]);
      expect(repeat.headers.get('idempotent-replayed')).toBeNull();
      const second = await ask({ contractNumber: contractId, email });
      expect([second.status, second.body]).toEqual([202, neutral]);
      expect((await allEvents()).length).toBe(before.length + 1);
      // A key reused with another body is refused alike (422), whether the details matched or not.
      for (const body of [{ contractNumber: contractId, email }, { contractNumber: ulid(), email }]) {
        const reusedKey = key();
        expect((await ask(body, reusedKey)).status).toBe(202);
        expect((await ask({ ...body, email: uniqueEmail('other') }, reusedKey)).status, body.contractNumber).toBe(422);
      }

      await rt.settle();
      const view = await rt.call('GET', `/v1/contracts/${contractId}`, { token: admin });
      expect(view.body).toMatchObject({ status: 'active', renewalRequestedAt: expect.any(String), version: 3 });
    });

    it('refuses only truly malformed input with a 400: a missing field, not an e-mail, no Idempotency-Key, a body too large', async () => {
      const ask = (body: unknown, headers: Record<string, string> = key()) => rt.call('POST', '/v1/public/renewal-requests', { headers, body });
      const missing = await ask({ contractNumber: ulid() });
      expect(missing.status).toBe(400);
      expect(missing.body.error.fields).toEqual([{ path: 'email', message: 'Required.' }]);
      const notEmail = await ask({ contractNumber: ulid(), email: 'not-an-email' });
      expect(notEmail.status).toBe(400);
      expect(notEmail.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['email']);
      const noKey = await ask({ contractNumber: ulid(), email: uniqueEmail() }, {});
      expect(noKey.status).toBe(400);
      expect(noKey.body.error.fields).toEqual([{ path: 'Idempotency-Key', message: 'This header is required.' }]);
      const big = await ask({ contractNumber: ulid(), email: uniqueEmail(), pad: 'x'.repeat(70 * 1024) });
      expect(big.status).toBe(413);
    });
  });
});
