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

/** The HTTP routes the topology declares, as API Gateway would match them. */
export function declaredRoutes(): LocalRoute[] {
  return Object.entries(functions).flatMap(([name, fn]) =>
    fn.triggers.flatMap((t) =>
      t.kind === 'http'
        ? [{ functionName: name as FunctionName, method: t.method, path: t.path, auth: t.auth, routeKey: `${t.method} ${t.path}`, match: matcher(t.path) }]
        : [],
    ),
  );
}
