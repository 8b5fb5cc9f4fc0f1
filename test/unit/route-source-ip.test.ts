import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { route, type RouteRequest } from '../../functions/http/route';
import { lambdaContext } from '../../infra/local/lambda-context';

const event = (sourceIp: string | undefined, claims?: Record<string, unknown>) =>
  ({
    version: '2.0', routeKey: 'POST /x', rawPath: '/x', rawQueryString: '', headers: {}, isBase64Encoded: false,
    requestContext: {
      requestId: 'req-1', timeEpoch: Date.parse('2026-11-21T12:00:00Z'), http: { method: 'POST', ...(sourceIp === undefined ? {} : { sourceIp }) },
      ...(claims ? { authorizer: { jwt: { claims, scopes: [] } } } : {}),
    },
  }) as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;

/** What the handler was given as `sourceIp`, and whether the key was there at all. */
async function seen(roles: ['admin'] | undefined, e: APIGatewayProxyEventV2WithJWTAuthorizer) {
  let request: RouteRequest<unknown, unknown> | undefined;
  const handler = route({ ...(roles ? { roles } : {}) }, async (r) => {
    request = r;
    return { status: 204 };
  });
  const response = (await handler(e, lambdaContext('test', 5, 'eu-north-1'))) as APIGatewayProxyStructuredResultV2;
  expect(response.statusCode).toBe(204);
  return { sourceIp: request!.sourceIp, present: 'sourceIp' in request! };
}

describe('route(): the client IP of public routes', () => {
  it('hands public routes the address API Gateway saw, IPv4 or IPv6', async () => {
    expect(await seen(undefined, event('203.0.113.77'))).toEqual({ sourceIp: '203.0.113.77', present: true });
    expect(await seen(undefined, event('2001:db8::7'))).toEqual({ sourceIp: '2001:db8::7', present: true });
  });

  it('gives staff routes none', async () => {
    expect(await seen(['admin'], event('203.0.113.77', { sub: 'staff-1', 'cognito:groups': '[admin]' }))).toEqual({ sourceIp: undefined, present: false });
  });

  it('gives none when there is no address, or something that is not one', async () => {
    expect(await seen(undefined, event(undefined))).toEqual({ sourceIp: undefined, present: false });
    expect(await seen(undefined, event('unknown'))).toEqual({ sourceIp: undefined, present: false });
    expect(await seen(undefined, event('fe80::1%eth0'))).toEqual({ sourceIp: undefined, present: false });
  });
});
