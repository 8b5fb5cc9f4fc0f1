import { describe, expect, it } from 'vitest';
import { bySpecificity, declaredRoutes, findRoute } from '../../infra/local/routes';

/** The local router picks routes as API Gateway does: a literal segment beats a parameter. */
describe('local route matching', () => {
  const routes = declaredRoutes();

  it('sends /v1/contracts/expiring to its own route, not to /v1/contracts/{id}', () => {
    expect(findRoute(routes, 'GET', '/v1/contracts/expiring')?.route.routeKey).toBe('GET /v1/contracts/expiring');
    expect(findRoute(routes, 'GET', '/v1/contracts/01M7YJG0YP0A9FX004VZ2GA6YN')).toMatchObject({
      route: { routeKey: 'GET /v1/contracts/{id}' },
      pathParameters: { id: '01M7YJG0YP0A9FX004VZ2GA6YN' },
    });
    expect(findRoute(routes, 'GET', '/v1/contracts')?.route.routeKey).toBe('GET /v1/contracts');
  });

  it('prefers the literal whatever order the routes are declared in, and lists routes most specific first', () => {
    const reversed = [...routes].reverse();
    expect(findRoute(reversed, 'GET', '/v1/contracts/expiring')?.route.routeKey).toBe('GET /v1/contracts/expiring');
    const keys = routes.map((r) => r.routeKey);
    expect(keys.indexOf('GET /v1/contracts/expiring')).toBeLessThan(keys.indexOf('GET /v1/contracts/{id}'));
    const paths = ['/a/{proxy+}', '/a/{id}/b', '/a/{id}', '/a/b', '/a/b/{id}'].map((path) => ({ path }));
    expect(paths.sort(bySpecificity).map((p) => p.path)).toEqual(['/a/b/{id}', '/a/b', '/a/{id}/b', '/a/{id}', '/a/{proxy+}']);
  });
});
