import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { cors, STAFF_SCOPE, publicApi } from '../topology';
import { claimsAsApiGateway, verifyStaffToken } from './dev-auth';
import type { Invoke } from './functions';
import { RateLimiter } from './rate-limiter';
import { declaredRoutes, type LocalRoute } from './routes';

/** API Gateway's own payload limit; the handlers enforce a smaller one of their own. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;

export interface HttpServerOptions {
  port: number;
  invoke: Invoke;
  jwtKey: Uint8Array;
  allowedOrigins: string[];
  region: string;
  routes?: LocalRoute[];
  /** Extra local-only endpoints under `/_local/` (e.g. firing a schedule). */
  local?: (req: IncomingMessage, url: URL, body: string) => Promise<{ status: number; body: unknown } | undefined>;
}

/**
 * The local stand-in for the HTTP API: matches the declared routes, checks staff tokens and
 * scopes as the JWT authorizer does, throttles public routes, answers CORS, and hands the same
 * API Gateway v2 event to the handler.
 */
export function startHttpServer(options: HttpServerOptions): Promise<Server> {
  const routes = options.routes ?? declaredRoutes();
  const limiter = new RateLimiter(publicApi.rateLimit.requestsPerSecond, publicApi.rateLimit.burst);

  const server = createServer((req, res) => {
    serve(req, res).catch((error) => {
      console.error('[http] request failed:', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Internal Server Error' }));
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The request target is a path: never let `//host/…` be read as a host name.
    const url = new URL(`http://localhost${(req.url ?? '/').startsWith('/') ? '' : '/'}${req.url ?? ''}`);
    const origin = req.headers.origin;
    const cors = origin && options.allowedOrigins.includes(origin) ? corsHeaders(origin) : {};
    const send = (status: number, body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(status, { ...cors, ...headers });
      res.end(body);
    };
    const gatewayError = (status: number, message: string) => send(status, JSON.stringify({ message }), { 'content-type': 'application/json' });

    const body = await readBody(req);
    if (body === undefined) {
      // The rest of the body is not read: close the connection rather than leave it half-consumed.
      res.setHeader('connection', 'close');
      gatewayError(413, 'Request Entity Too Large');
      res.once('finish', () => req.destroy());
      return;
    }
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) return send(204, '', cors);

    if (url.pathname.startsWith('/_local/') && options.local) {
      const answer = await options.local(req, url, body.toString('utf8'));
      if (answer) return send(answer.status, JSON.stringify(answer.body), { 'content-type': 'application/json' });
    }

    const found = findRoute(routes, req.method ?? 'GET', url.pathname);
    if (!found) return gatewayError(404, 'Not Found');
    const { route, pathParameters } = found;

    let claims: Record<string, string> | undefined;
    if (route.auth === 'staff') {
      const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const payload = token ? await verifyStaffToken(options.jwtKey, token) : undefined;
      if (!payload) return gatewayError(401, 'Unauthorized');
      if (!String(payload.scope ?? '').split(' ').includes(STAFF_SCOPE)) return gatewayError(403, 'Forbidden');
      claims = claimsAsApiGateway(payload);
    } else if (!limiter.take(`${route.routeKey}|${req.socket.remoteAddress}`)) {
      return gatewayError(429, 'Too Many Requests');
    }

    const event = toApiGatewayEvent(req, url, body, route, pathParameters, claims, options.region);
    const result = (await options.invoke(route.functionName, event)) as APIGatewayProxyStructuredResultV2 | string;
    if (typeof result === 'string') return send(200, result, { 'content-type': 'application/json' });
    const payload = result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? '');
    send(result.statusCode ?? 200, payload, result.headers as Record<string, string>);
  }
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve(server));
  });
}

function corsHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
    'access-control-allow-headers': cors.allowHeaders.join(','),
    'access-control-expose-headers': cors.exposeHeaders.join(','),
    'access-control-max-age': String(cors.maxAgeSeconds),
    vary: 'origin',
  };
}

function findRoute(routes: LocalRoute[], method: string, path: string) {
  for (const route of routes) {
    if (route.method !== method) continue;
    const pathParameters = route.match(path);
    if (pathParameters) return { route, pathParameters };
  }
  return undefined;
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > GATEWAY_MAX_BODY) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const isText = (contentType: string | undefined) => !contentType || /^(text\/|application\/(.+\+)?(json|x-www-form-urlencoded|xml))/i.test(contentType);

function toApiGatewayEvent(
  req: IncomingMessage,
  url: URL,
  body: Buffer,
  route: LocalRoute,
  pathParameters: Record<string, string>,
  claims: Record<string, string> | undefined,
  region: string,
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && name !== 'cookie') headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const now = Date.now();
  const binary = body.length > 0 && !isText(headers['content-type']);
  const cookies = req.headers.cookie?.split(';').map((c) => c.trim()).filter(Boolean);
  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies?.length ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: route.routeKey,
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: claims ?? {}, scopes: claims?.scope ? claims.scope.split(' ') : [] } },
    },
    body: body.length === 0 ? undefined : binary ? body.toString('base64') : body.toString('utf8'),
    isBase64Encoded: binary,
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
}
