import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ConflictError } from '../../domain/errors';
import { route } from '../../functions/http/route';
import { lambdaContext } from '../../infra/local/lambda-context';

const event = (overrides: Partial<APIGatewayProxyEventV2WithJWTAuthorizer> = {}) =>
  ({
    version: '2.0', routeKey: 'POST /x', rawPath: '/x', rawQueryString: '', headers: { 'content-type': 'application/json' },
    requestContext: { requestId: 'req-1', timeEpoch: Date.parse('2026-01-01T00:00:00Z'), http: { method: 'POST' } },
    isBase64Encoded: false, ...overrides,
  }) as APIGatewayProxyEventV2WithJWTAuthorizer;

const invoke = async (handler: ReturnType<typeof route>, e = event()) =>
  (await handler(e, lambdaContext('test', 5, 'eu-north-1'))) as APIGatewayProxyStructuredResultV2;

describe('route()', () => {
  it('answers an unexpected failure with a 500 carrying only a correlation id', async () => {
    const handler = route({}, async () => {
      throw new Error('database password is hunter2');
    });
    const response = await invoke(handler, event({ headers: { 'x-correlation-id': 'corr-42' } }));
    expect(response.statusCode).toBe(500);
    expect(response.headers?.['x-correlation-id']).toBe('corr-42');
    expect(JSON.parse(response.body!)).toEqual({
      error: { code: 'internal_error', message: expect.any(String) },
      correlationId: 'corr-42',
    });
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('at ');
  });

  it('maps domain refusals to 409 with their code and reason', async () => {
    const handler = route({}, async () => {
      throw new ConflictError('loaner_not_in_tier', 'The camera loaner needs Diamond or Platinum.');
    });
    const response = await invoke(handler);
    expect(response.statusCode).toBe(409);
    expect(JSON.parse(response.body!).error).toEqual({ code: 'loaner_not_in_tier', message: 'The camera loaner needs Diamond or Platinum.' });
  });

  it('takes the request time from API Gateway, not the clock, and reads base64 bodies', async () => {
    const handler = route({ body: z.object({ n: z.number() }) }, async (req) => ({ status: 200, body: { now: req.now, n: req.body.n } }));
    const response = await invoke(handler, event({ body: Buffer.from('{"n":7}').toString('base64'), isBase64Encoded: true }));
    expect(JSON.parse(response.body!)).toEqual({ now: '2026-01-01T00:00:00.000Z', n: 7 });
  });

  it('says "Required." for a missing body and names the field of a wrong one', async () => {
    const handler = route({ body: z.object({ n: z.number() }) }, async () => ({ status: 200 }));
    expect(JSON.parse((await invoke(handler)).body!).error.fields).toEqual([{ path: 'body', message: 'Required.' }]);
    const wrong = await invoke(handler, event({ body: '{"n":"seven"}' }));
    expect(JSON.parse(wrong.body!).error.fields).toEqual([{ path: 'n', message: expect.stringContaining('number') }]);
  });

  it('refuses a request carrying a value in sealed form (only the store seals), and a text answer holding one', async () => {
    const sealed = 'sealed:1:s-0123456789abcdef:aXY:Y3Q';
    const form = route({ body: z.object({ contact: z.object({ email: z.string() }), notes: z.array(z.string()) }) }, async () => ({ status: 204 }));
    const refused = await invoke(form, event({ body: JSON.stringify({ contact: { email: sealed }, notes: ['ok', sealed] }) }));
    expect(refused.statusCode).toBe(400);
    expect(JSON.parse(refused.body!).error.fields.map((f: { path: string }) => f.path)).toEqual(['contact.email', 'notes.1']);

    const csv = route({}, async () => ({ status: 200, headers: { 'content-type': 'text/csv' }, body: `name\r\n${sealed}\r\n` }));
    const failed = await invoke(csv);
    expect(failed.statusCode).toBe(500);
    expect(failed.body).not.toContain('sealed:');
  });
});
