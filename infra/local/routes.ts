import { functions, type FunctionName, type HttpMethod } from '../topology';

export interface LocalRoute {
  functionName: FunctionName;
  method: HttpMethod;
  path: string;
  auth: 'staff' | 'public';
  routeKey: string;
  match(path: string): Record<string, string> | undefined;
}

/** `/v1/contracts/{id}` → a matcher returning `{ id }`; `{proxy+}` takes the rest of the path. */
function matcher(template: string): (path: string) => Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = template
    .split('/')
    .map((segment) => {
      const param = /^\{([A-Za-z0-9_]+)(\+?)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]);
      return param[2] ? '(.+)' : '([^/]+)';
    })
    .join('/');
  const regex = new RegExp(`^${pattern}$`);
  return (path) => {
    const m = regex.exec(path);
    if (!m) return undefined;
    try {
      return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
    } catch {
      return undefined;
    }
  };
}

/** How a template segment ranks when API Gateway picks a route: literal, then `{param}`, then `{proxy+}`. */
const segmentRank = (segment: string): number => (/^\{[A-Za-z0-9_]+\+\}$/.test(segment) ? 2 : /^\{[A-Za-z0-9_]+\}$/.test(segment) ? 1 : 0);

/**
 * Orders route paths as API Gateway prefers them when several match one request: segment by
 * segment from the left, a literal beats a parameter and a parameter beats a greedy `{proxy+}`
 * (so `/v1/contracts/expiring` wins over `/v1/contracts/{id}`); the first difference decides.
 */
export function bySpecificity(a: { path: string }, b: { path: string }): number {
  const sa = a.path.split('/');
  const sb = b.path.split('/');
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const diff = segmentRank(sa[i]) - segmentRank(sb[i]);
    if (diff !== 0) return diff;
  }
  return sb.length - sa.length;
}

/** The HTTP routes the topology declares, most specific first, so the first match is API Gateway's. */
export function declaredRoutes(): LocalRoute[] {
  const routes: LocalRoute[] = Object.entries(functions).flatMap(([name, fn]) =>
    fn.triggers.flatMap((t) =>
      t.kind === 'http'
        ? [{ functionName: name as FunctionName, method: t.method, path: t.path, auth: t.auth, routeKey: `${t.method} ${t.path}`, match: matcher(t.path) }]
        : [],
    ),
  );
  return routes.sort(bySpecificity);
}

/** The route a request goes to: the first (most specific) of `routes` whose method and path match. */
export function findRoute(routes: readonly LocalRoute[], method: string, path: string) {
  for (const route of [...routes].sort(bySpecificity)) {
    if (route.method !== method) continue;
    const pathParameters = route.match(path);
    if (pathParameters) return { route, pathParameters };
  }
  return undefined;
}
