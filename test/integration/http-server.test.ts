import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { route } from '../../functions/http/route';
import { signStaffToken } from '../../infra/local/dev-auth';
import { startHttpServer } from '../../infra/local/http-server';
import { lambdaContext } from '../../infra/local/lambda-context';
import type { LocalRoute } from '../../infra/local/routes';
import { publicApi } from '../../infra/topology';
import { createTestTables, useEmulatorEnvironment } from '../support/emulators';

/** A public form route and a staff route, served by the local HTTP server around real `route()` handlers. */
describe('local HTTP API: public routes, staff tokens, CORS', () => {
  const key = randomBytes(32);
  const received: APIGatewayProxyEventV2WithJWTAuthorizer[] = [];
  const form = route({ body: z.strictObject({ email: z.email() }), idempotency: 'required' }, async (req) => ({
    status: 202,
    body: { accepted: true, key: req.idempotency?.key, actor: req.actor },
  }));
  const staff = route({ roles: ['billing'] }, async (req) => ({ status: 200, body: { sub: req.caller?.sub } }));
  const routes: LocalRoute[] = [
    { functionName: 'form' as never, method: 'POST', path: '/v1/public/requests', auth: 'public', routeKey: 'POST /v1/public/requests', match: (p) => (p === '/v1/public/requests' ? {} : undefined) },
    { functionName: 'staff' as never, method: 'GET', path: '/v1/staff', auth: 'staff', routeKey: 'GET /v1/staff', match: (p) => (p === '/v1/staff' ? {} : undefined) },
  ];
  let server: Server;
  let url: string;

  beforeAll(async () => {
    // Idempotency request hashes are keyed with the vault's index key.
    useEmulatorEnvironment(await createTestTables());
    server = await startHttpServer({
      port: 0,
      region: 'eu-north-1',
      jwtKey: key,
      allowedOrigins: ['https://shop.example.test'],
      routes,
      invoke: async (name, event) => {
        received.push(event as APIGatewayProxyEventV2WithJWTAuthorizer);
        return (name === ('form' as never) ? form : staff)(event as never, lambdaContext(name, 10, 'eu-north-1'));
      },
    });
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const post = (headers: Record<string, string>, body = '{"email":"a@example.com"}') =>
    fetch(`${url}/v1/public/requests`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('requires an Idempotency-Key on public forms and scopes it to the route', async () => {
    const missing = await post({});
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as any).error.fields).toEqual([{ path: 'Idempotency-Key', message: 'This header is required.' }]);
    const ok = await post({ 'idempotency-key': 'k-1', origin: 'https://shop.example.test' });
    expect(ok.status).toBe(202);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example.test');
    expect(await ok.json()).toMatchObject({ key: 'http#POST /v1/public/requests#public#k-1', actor: { kind: 'customer' } });
    expect(received.at(-1)).toMatchObject({ version: '2.0', routeKey: 'POST /v1/public/requests', requestContext: { http: { method: 'POST' } } });
  });

  it('does not allow other origins', async () => {
    const response = await post({ 'idempotency-key': 'k-2', origin: 'https://evil.example.test' });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('throttles public routes beyond the burst with a 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < publicApi.rateLimit.burst + 5; i++) statuses.push((await post({ 'idempotency-key': `burst-${i}` })).status);
    expect(statuses).toContain(429);
  });

  it('checks staff tokens and their scope as the JWT authorizer does, then the role in the handler', async () => {
    const get = (token?: string) => fetch(`${url}/v1/staff`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect((await get()).status).toBe(401);
    expect((await get(await signStaffToken(randomBytes(32), { role: 'billing' }))).status).toBe(401);
    expect((await get(await signStaffToken(key, { role: 'billing', expiresIn: '-1m' }))).status).toBe(401);
    expect((await get(await signStaffToken(key, { role: 'billing', scope: 'something/else' }))).status).toBe(403);
    expect((await get(await signStaffToken(key, { role: 'agent-l1' }))).status).toBe(403);
    const ok = await get(await signStaffToken(key, { role: 'billing', sub: 'bea' }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ sub: "bea" });
    expect(received.at(-1)!.requestContext.authorizer.jwt.claims['cognito:groups']).toBe('[billing]');
  });
});
