import middy from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod';
import type { Actor } from '../../events/envelope';
import { isSealed, SEALED_PREFIX } from '../../events/sealed';
import { AppError, NotEntitledError, PayloadTooLargeError, ValidationError, type FieldIssue } from '../../domain/errors';
import { isIpAddress } from '../../domain/privacy/retention-periods';
import type { Role } from '../../domain/roles';
import { logger } from '../runtime/logger';
import { sealer } from '../runtime/vault';
import { staffActor, staffCaller, type StaffCaller } from './auth';
import { MalformedJsonError, statusOf, UnsupportedMediaTypeError } from './errors';
import { stableStringify } from './stable-json';

/** The largest JSON body any route accepts. */
export const MAX_BODY_BYTES = 64 * 1024;

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;

export interface RouteSpec<Body extends z.ZodType, Params extends z.ZodType, Query extends z.ZodType = z.ZodType> {
  /** Staff routes name the roles allowed; routes without roles are public (website forms). */
  roles?: readonly Role[];
  body?: Body;
  params?: Params;
  /** The query string, validated like the body. */
  query?: Query;
  /** Whether the route reads an `Idempotency-Key` header. Public forms require one. */
  idempotency?: 'optional' | 'required';
}

export interface RouteRequest<Body, Params, Query = unknown> {
  body: Body;
  params: Params;
  query: Query;
  /** The staff member, on staff routes. */
  caller: StaffCaller | undefined;
  actor: Actor;
  correlationId: string;
  requestId: string;
  /** The instant API Gateway received the request. */
  now: string;
  idempotency?: { key: string; requestHash: string };
  /**
   * The client's IP address, on public routes only (website forms). The events a request appends
   * carry it only sealed under time-limited keys (see `runStreamCommand`); never log or answer it.
   */
  sourceIp?: string;
}

export interface RouteResponse {
  status: number;
  /** JSON-encoded, unless it is a string and `headers` sets a content-type: then sent as it is (e.g. CSV). */
  body?: unknown;
  headers?: Record<string, string>;
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * An HTTP API route: parse → authorize → handle → respond, with every failure turned into a
 * JSON error with a code, and a 500 only for what is truly unexpected (with a correlation id,
 * never a stack trace).
 */
export function route<Body extends z.ZodType = z.ZodUndefined, Params extends z.ZodType = z.ZodUndefined, Query extends z.ZodType = z.ZodUndefined>(
  spec: RouteSpec<Body, Params, Query>,
  handle: (request: RouteRequest<z.infer<Body>, z.infer<Params>, z.infer<Query>>) => Promise<RouteResponse>,
) {
  return middy<Event, APIGatewayProxyStructuredResultV2, Error, Context>().handler(async (event, context) => {
    const correlationId = correlationIdOf(event, context);
    try {
      const caller = spec.roles ? staffCaller(event, spec.roles) : undefined;
      const body = spec.body ? validate(spec.body, refuseSealed(parseBody(event)), 'body') : undefined;
      const params = spec.params ? validate(spec.params, event.pathParameters ?? {}, 'path') : undefined;
      const query = spec.query ? validate(spec.query, event.queryStringParameters ?? {}, 'query') : undefined;
      const idempotency = await idempotencyOf(spec, event, caller, body);
      const response = await handle({
        body: body as z.infer<Body>,
        params: params as z.infer<Params>,
        query: query as z.infer<Query>,
        caller,
        actor: caller ? staffActor(caller) : { kind: 'customer', id: 'website' },
        correlationId,
        requestId: event.requestContext?.requestId ?? context.awsRequestId,
        now: new Date(event.requestContext?.timeEpoch ?? Date.now()).toISOString(),
        idempotency,
        ...(spec.roles ? {} : sourceIpOf(event)),
      });
      if (typeof response.body === 'string' && Object.keys(response.headers ?? {}).some((h) => h.toLowerCase() === 'content-type')) {
        // Text answers (CSV exports) are built from clear, non-personal fields only; never send a sealed value.
        if (response.body.includes(SEALED_PREFIX)) throw new Error('a text answer holds a sealed value');
        return { statusCode: response.status, headers: { 'x-correlation-id': correlationId, ...response.headers }, body: response.body };
      }
      return json(response.status, await opened(response.body), correlationId, response.headers);
    } catch (error) {
      return errorResponse(error, correlationId, event);
    }
  });
}

/** The address of the client as API Gateway saw it (the connection's peer); none when it is not an IP address. */
function sourceIpOf(event: Event): { sourceIp?: string } {
  const ip = event.requestContext?.http?.sourceIp;
  return ip && isIpAddress(ip) ? { sourceIp: ip } : {};
}

function correlationIdOf(event: Event, context: Context): string {
  const given = event.headers?.['x-correlation-id'];
  return given && CORRELATION_ID.test(given) ? given : (event.requestContext?.requestId ?? context.awsRequestId);
}

function parseBody(event: Event): unknown {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.byteLength > MAX_BODY_BYTES) {
    throw new PayloadTooLargeError(`The body is ${bytes.byteLength} bytes; at most ${MAX_BODY_BYTES} are accepted.`);
  }
  if (bytes.byteLength === 0) return undefined;
  const contentType = event.headers?.['content-type'] ?? '';
  if (!/^application\/(.+\+)?json\s*(;|$)/i.test(contentType)) {
    throw new UnsupportedMediaTypeError('Send the body as JSON with Content-Type: application/json.');
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new MalformedJsonError('The body is not valid JSON.');
  }
}

/**
 * Only the event store seals; a request carrying a value in sealed form (which event schemas accept
 * for personal fields) would be stored as it is, under whatever key it names: refused.
 */
function refuseSealed(body: unknown): unknown {
  interface At { value: unknown; key?: string; parent?: At }
  const pathOf = (at: At): string => {
    const keys: string[] = [];
    for (let step: At | undefined = at; step?.key !== undefined; step = step.parent) keys.unshift(step.key);
    return keys.join('.');
  };
  const issues: FieldIssue[] = [];
  // Iteratively: a body may nest thousands of levels deep.
  for (const pending: At[] = [{ value: body }]; pending.length > 0; ) {
    const at = pending.pop()!;
    if (isSealed(at.value)) issues.push({ path: pathOf(at) || 'body', message: 'Give the value itself.' });
    else if (at.value && typeof at.value === 'object')
      for (const [key, value] of Object.entries(at.value).reverse()) pending.push({ value, key, parent: at });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return body;
}

function validate<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'path' | 'query'): z.infer<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw new ValidationError(result.error.issues.flatMap((issue) => fieldIssues(issue, where)));
}

function fieldIssues(issue: z.core.$ZodIssue, where: string): FieldIssue[] {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, message: 'Unknown field.' }));
  }
  const message = issue.code === 'invalid_type' && issue.input === undefined ? 'Required.' : issue.message;
  return [{ path: path || where, message }];
}

async function idempotencyOf(spec: RouteSpec<z.ZodType, z.ZodType, z.ZodType>, event: Event, caller: StaffCaller | undefined, body: unknown) {
  if (!spec.idempotency) return undefined;
  const key = event.headers?.['idempotency-key'];
  if (key === undefined) {
    if (spec.idempotency === 'required') throw new ValidationError([{ path: 'Idempotency-Key', message: 'This header is required.' }]);
    return undefined;
  }
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new ValidationError([{ path: 'Idempotency-Key', message: 'Use 1 to 255 visible ASCII characters.' }]);
  }
  const scope = caller ? `staff:${caller.sub}` : 'public';
  return {
    key: `http#${event.routeKey}#${scope}#${key}`,
    // Keyed (HMAC under the vault's index key): a stored hash of a body with an e-mail address cannot be tested against guesses.
    requestHash: await sealer().blindHash(stableStringify({ route: event.routeKey, params: event.pathParameters ?? {}, body })),
  };
}

/**
 * Views and events hold personal data only sealed: an answer shows it opened (erased values read
 * '[erased]'). A body with no sealed value (most answers) is not walked, nor is the vault read.
 */
async function opened(body: unknown): Promise<unknown> {
  return body !== undefined && JSON.stringify(body).includes(`"${SEALED_PREFIX}`) ? sealer().openDeep(body) : body;
}

function json(status: number, body: unknown, correlationId: string, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-correlation-id': correlationId, ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

function errorResponse(error: unknown, correlationId: string, event: Event): APIGatewayProxyStructuredResultV2 {
  const status = statusOf(error);
  if (status === 500 || !(error instanceof AppError)) {
    logger.error('unexpected failure', { correlationId, routeKey: event.routeKey, error: error as Error });
    return json(500, { error: { code: 'internal_error', message: 'Something went wrong on our side. Quote the correlation id if you contact us.' }, correlationId }, correlationId);
  }
  logger.info('request refused', { correlationId, routeKey: event.routeKey, status, code: error.code });
  const fields = error instanceof ValidationError ? { fields: error.fields } : {};
  const remedy = error instanceof NotEntitledError ? { remedy: error.remedy } : {};
  return json(status, { error: { code: error.code, message: error.message, ...fields, ...remedy }, correlationId }, correlationId);
}
