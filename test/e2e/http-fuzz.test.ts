import { EARLIEST_START, LATEST_START } from '../../domain/contract/term';
import { randomBytes } from 'node:crypto';
import { Agent, request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_CATEGORY } from '../../domain/contract/decider';
import type { Role } from '../../domain/roles';
import { streamId } from '../../events/envelope';
import { MAX_BODY_BYTES } from '../../functions/http/route';
import { signStaffToken } from '../../infra/local/dev-auth';
import { declaredRoutes, type LocalRoute } from '../../infra/local/routes';
import { startTestRuntime, type TestRuntime } from '../support/local-runtime';

/**
 * Property-based fuzzing of the HTTP API on the local runtime: thousands of random and
 * malformed bodies, headers, paths and methods against every declared route (taken from
 * declaredRoutes(), so a new route is fuzzed without touching this file).
 *
 *  1.  bodies: arbitrary JSON, create-contract bodies with one field broken, truncated JSON,
 *      non-UTF-8 bytes, empty, enormous and deeply nested bodies, with random content types,
 *      path parameters and callers;
 *  1b. create-contract bodies of the right shape with values at the edges (dates, zones, terms);
 *  1c. bodies above the gateway's 10 MB limit;
 *  2.  random headers, Idempotency-Key and X-Correlation-Id values;
 *  3.  random paths and methods;
 *  4.  never a write: the tables grew only by what the 201 answers created.
 * Always: an answer comes (no hang), never a 5xx, handlers answer errors as
 * `{ error: { code, message }, correlationId }`, the gateway as `{ message }`, and a 2xx only
 * for input that may have been valid.
 *
 * Requests go through `node:http` rather than `fetch`, so the fuzzer can send what a real
 * client can but `fetch` refuses: bodies on GET, non-UTF-8 bytes, paths that are not
 * normalised (`..`, `//`), latin-1 header values and repeated headers.
 *
 * Reproduce a failure with the seed fast-check prints: FUZZ_SEED=<seed> npx vitest run <this file>.
 * Scale the number of runs with FUZZ_SCALE (default 1).
 */

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
if (process.env.FUZZ_SEED) fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED) });

/** A request that gets no answer within this time counts as a failure (a hang). */
const RESPONSE_TIMEOUT_MS = 3_000;
/** The handlers' contract for Idempotency-Key and X-Correlation-Id (functions/http/route.ts). */
const VALID_IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const VALID_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;
/** API Gateway's payload limit (infra/local/http-server.ts answers 413 `{message}` above it). */
const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;

const routes = declaredRoutes();
/** Routes by key, so a counterexample prints `POST /v1/contracts`, not a matcher function. */
const routeOf = (key: string) => routes.find((r) => r.routeKey === key)!;
const routeArb = fc.constantFrom(...routes.map((r) => r.routeKey));
const CREATE_CONTRACT = 'POST /v1/contracts';
const GET_CONTRACT = 'GET /v1/contracts/{id}';

// ---------------------------------------------------------------------------------------------
// Sending requests and keeping count

interface Sent {
  method: string;
  path: string;
  headers: OutgoingHttpHeaders;
  body?: Buffer;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: unknown;
  /** Set when no HTTP answer came back (timeout, reset). */
  failure?: string;
}

const NOT_JSON = Symbol('not JSON');

const stats = {
  requests: 0,
  byStatus: new Map<number, number>(),
  /** Every 201: the contract it created, whether it was a replay, whether it carried a key. */
  created: [] as { contractId: string; replayed: boolean; keyed: boolean }[],
  /** Website forms' neutral 202 answers (not replays): each may leave one idempotency record, matched or not. */
  neutral: 0,
  seconds: {} as Record<string, number>,
};

let rt: TestRuntime;
const agent = new Agent({ keepAlive: true, maxSockets: 4 });

function send(sent: Sent, via: Agent = agent): Promise<Answer> {
  stats.requests++;
  const api = new URL(rt.apiUrl);
  return new Promise<Answer>((resolve) => {
    let settled = false;
    const finish = (answer: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    // Node frames a GET or DELETE body only when told its length.
    const headers = sent.body?.length ? { ...sent.headers, 'content-length': sent.body.length } : sent.headers;
    const req = httpRequest(
      { host: api.hostname, port: api.port, method: sent.method, path: sent.path, headers, agent: via },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (e) => finish({ status: 0, headers: {}, text: '', json: undefined, failure: `response error: ${e.message}` }));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = NOT_JSON;
          try {
            json = text === '' ? undefined : JSON.parse(text);
          } catch {
            // not JSON
          }
          finish({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish({ status: 0, headers: {}, text: '', json: undefined, failure: `no response within ${RESPONSE_TIMEOUT_MS} ms` });
    }, RESPONSE_TIMEOUT_MS);
    req.on('error', (e) => finish({ status: 0, headers: {}, text: '', json: undefined, failure: `request error: ${e.message}` }));
    req.end(sent.body);
  }).then((answer) => {
    stats.byStatus.set(answer.status, (stats.byStatus.get(answer.status) ?? 0) + 1);
    if (answer.status === 202 && (answer.json as { received?: unknown } | undefined)?.received === true && answer.headers['idempotent-replayed'] !== 'true') stats.neutral++;
    if (answer.status === 201) {
      const contractId = (answer.json as { contractId?: unknown } | undefined)?.contractId;
      if (typeof contractId === 'string') {
        stats.created.push({
          contractId,
          replayed: answer.headers['idempotent-replayed'] === 'true',
          keyed: Object.keys(sent.headers).some((h) => h.toLowerCase() === 'idempotency-key'),
        });
      }
    }
    return answer;
  });
}

// ---------------------------------------------------------------------------------------------
// What every answer must look like

/** Statuses our handlers answer with for bad (or good) input; 5xx never. */
const HANDLER_STATUSES = new Set([200, 201, 202, 204, 400, 403, 404, 409, 413, 415, 422]);
/** Statuses the gateway (API Gateway, here infra/local/http-server.ts) answers with `{message}`. */
const GATEWAY_MESSAGE_STATUSES = new Set([401, 403, 404, 413, 429]);
/** Node's HTTP parser refuses a request it cannot parse with a bare 400 or 431, before any of our code. */
const PARSER_STATUSES = new Set([400, 431]);

function describeAnswer(sent: Sent, answer: Answer): string {
  const body = answer.text.length > 300 ? `${answer.text.slice(0, 300)}…` : answer.text;
  const path = sent.path.length > 200 ? `${sent.path.slice(0, 200)}…` : sent.path;
  return `${sent.method} ${path} → ${answer.status}${answer.failure ? ` (${answer.failure})` : ''} ${body}`;
}

/** Problems with a handler's error body `{ error: { code, message, fields? }, correlationId }`. */
function errorShapeProblems(json: unknown, correlationId: string): string[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return ['the body is not a JSON object'];
  const problems: string[] = [];
  const body = json as Record<string, unknown>;
  const extra = Object.keys(body).filter((k) => k !== 'error' && k !== 'correlationId');
  if (extra.length > 0) problems.push(`unexpected keys ${extra.join(', ')}`);
  if (body.correlationId !== correlationId) problems.push(`correlationId ${String(body.correlationId)} ≠ header ${correlationId}`);
  const error = body.error as Record<string, unknown> | undefined;
  if (typeof error !== 'object' || error === null) return [...problems, 'no error object'];
  if (typeof error.code !== 'string' || !/^[a-z][a-z_]*$/.test(error.code)) problems.push(`bad error.code ${String(error.code)}`);
  if (typeof error.message !== 'string' || error.message === '') problems.push('no error.message');
  const extraInError = Object.keys(error).filter((k) => !['code', 'message', 'fields'].includes(k));
  if (extraInError.length > 0) problems.push(`unexpected error keys ${extraInError.join(', ')}`);
  if (error.fields !== undefined) {
    const ok = Array.isArray(error.fields) && error.fields.every((f) => typeof f?.path === 'string' && typeof f?.message === 'string');
    if (!ok) problems.push('error.fields is not a list of {path, message}');
  }
  return problems;
}

/**
 * What holds for every answer to every request: an answer came, it is not a 5xx, our handlers
 * answer with a correlation id and the error shape, the gateway with `{message}`, and a 2xx
 * only when the input may have been valid.
 */
function checkAnswer(sent: Sent, answer: Answer, mayBeValid: boolean): void {
  const what = describeAnswer(sent, answer);
  expect(answer.failure, what).toBeUndefined();
  expect(answer.status, what).toBeLessThan(500);
  const correlationId = answer.headers['x-correlation-id'];
  if (typeof correlationId === 'string') {
    // One of our handlers answered.
    expect(HANDLER_STATUSES.has(answer.status), `unexpected handler status: ${what}`).toBe(true);
    expect(answer.headers['content-type'], what).toMatch(/^application\/json/);
    expect(correlationId, what).toMatch(VALID_CORRELATION_ID);
    if (answer.status >= 400) expect(errorShapeProblems(answer.json, correlationId), what).toEqual([]);
    else if (answer.text !== '') expect(answer.json, `2xx body is not JSON: ${what}`).not.toBe(NOT_JSON);
  } else if (GATEWAY_MESSAGE_STATUSES.has(answer.status)) {
    if (sent.method !== 'HEAD') expect(answer.json, `gateway body: ${what}`).toEqual({ message: expect.any(String) });
  } else if (answer.status === 204) {
    expect(sent.method, `204 outside a CORS preflight: ${what}`).toBe('OPTIONS');
  } else {
    expect(PARSER_STATUSES.has(answer.status), `unexpected status: ${what}`).toBe(true);
  }
  if (answer.status >= 200 && answer.status < 300 && answer.status !== 204) {
    expect(mayBeValid, `2xx for input that cannot be valid: ${what}`).toBe(true);
  }
}

/**
 * A GET of a declared read route's exact path may well be valid (a list without filters, a ledger
 * with no lines yet); any other random path and method cannot be.
 */
const isDeclaredRead = (method: string, path: string): boolean => {
  const bare = path.split(/[?#]/)[0]!;
  return method === 'GET' && routes.some((r) => r.method === 'GET' && r.match(bare) !== undefined);
};

const errorCode = (answer: Answer) => (answer.json as { error?: { code?: string } } | undefined)?.error?.code;

// ---------------------------------------------------------------------------------------------
// Callers

type TokenKind =
  | 'admin' | 'agent-l0' | 'dpo' // real roles
  | 'unknown-role' // a valid token whose only role the API does not know
  | 'wrong-scope' // a valid signature without the staff scope
  | 'expired' | 'other-key' | 'tampered' | 'garbage' | 'not-bearer' | 'none';

const ROLE_TOKENS: TokenKind[] = ['admin', 'agent-l0', 'dpo'];
const tokens = {} as Record<'admin' | 'agent-l0' | 'dpo' | 'unknown-role' | 'wrong-scope' | 'expired' | 'other-key', string>;

const printable = (options: { minLength?: number; maxLength?: number } = {}) =>
  fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), ...options });

/** The Authorization header (or none) for a kind of caller. */
const callerArb = fc.oneof(
  { weight: 5, arbitrary: fc.constant<TokenKind>('admin').map((kind) => ({ kind })) },
  { weight: 3, arbitrary: fc.constant<TokenKind>('agent-l0').map((kind) => ({ kind })) },
  { weight: 1, arbitrary: fc.constantFrom<TokenKind>('dpo', 'unknown-role', 'wrong-scope', 'expired', 'other-key', 'tampered', 'not-bearer', 'none').map((kind) => ({ kind })) },
  { weight: 2, arbitrary: fc.oneof(printable({ maxLength: 80 }).map((t) => `Bearer ${t}`), printable({ maxLength: 80 }), fc.constantFrom('Bearer', 'Bearer ', 'bearer x.y.z', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.')).map((header) => ({ kind: 'garbage' as TokenKind, header })) },
);

function authorization(caller: { kind: TokenKind; header?: string }): OutgoingHttpHeaders {
  switch (caller.kind) {
    case 'none':
      return {};
    case 'garbage':
      return { authorization: caller.header! };
    case 'tampered':
      return { authorization: `Bearer ${tokens.admin.slice(0, -4)}AAAA` };
    case 'not-bearer':
      return { authorization: `Basic ${tokens.admin}` };
    default:
      return { authorization: `Bearer ${tokens[caller.kind]}` };
  }
}

/** What the gateway does with a caller on a staff route, before any handler runs. */
function gatewayRefusal(kind: TokenKind): 401 | 403 | undefined {
  if (['admin', 'agent-l0', 'dpo', 'unknown-role'].includes(kind)) return undefined;
  return kind === 'wrong-scope' ? 403 : 401;
}

// ---------------------------------------------------------------------------------------------
// Paths

/** A path parameter as sent on the wire; `ulid` when the server will decode it to a valid ULID. */
interface ParamSpec {
  wire: string;
  ulid: boolean;
}

const percentJunk = fc.constantFrom(
  '%', '%z', '%zz', '%2', '%00', '%2F', '%2f', 'a%2Fb', '%5C', '%2e%2e', '%2E', '%C0%AF', '%E2%82', '%FF', '%FE%FF',
  '%ED%A0%80', '%F4%90%80%80', '%25', '%2525', '%3F', '%23', '%20', '%0D%0A', '%u0041', '%%41',
);
const odd = fc.constantFrom('..', '.', '...', '~', '*', ';', ';a=b', '$', '{id}', '{proxy+}', '-', '_', 'null', 'undefined', '__proto__', 'constructor');

const paramArb: fc.Arbitrary<ParamSpec> = fc.oneof(
  { weight: 5, arbitrary: fc.ulid().map((wire) => ({ wire, ulid: true })) },
  // One letter percent-encoded: the server decodes it back to a valid ULID.
  { weight: 1, arbitrary: fc.ulid().map((id) => ({ wire: `${id.slice(0, -1)}%${id.charCodeAt(25).toString(16)}`, ulid: true })) },
  { weight: 1, arbitrary: fc.ulid().map((id) => ({ wire: id.toLowerCase(), ulid: false })) },
  { weight: 1, arbitrary: fc.tuple(fc.ulid(), fc.constantFrom('X', '0', '%00', '%20', '.json', '%2F', ';x')).map(([id, s]) => ({ wire: id + s, ulid: false })) },
  { weight: 1, arbitrary: fc.ulid().map((id) => ({ wire: id.slice(1), ulid: false })) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map((s) => ({ wire: encodeURIComponent(s), ulid: false })) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map((s) => ({ wire: encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '')) || 'x', ulid: false })) },
  { weight: 2, arbitrary: fc.oneof(percentJunk, odd).map((wire) => ({ wire, ulid: false })) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 100, max: 6_000 }), fc.constantFrom('A', '0', 'Z', '%41', '%C3%A9', '-')).map(([n, c]) => ({ wire: c.repeat(Math.ceil(n / c.length)).slice(0, n).replace(/%[0-9A-F]?$/, ''), ulid: false })) },
);

/** Customer ids are the caller's own (not ULIDs): a ledger read of any well-formed one may succeed (with no lines). */
function customerIdIn(route: LocalRoute, params: ParamSpec[]): boolean {
  if (!route.path.startsWith('/v1/customers/{id}')) return false;
  try {
    return /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/.test(decodeURIComponent(params[0].wire).trim());
  } catch {
    return false;
  }
}

/** A declared route's path with its parameters filled. */
function fill(route: LocalRoute, params: ParamSpec[]): { path: string; ulids: boolean } {
  let i = 0;
  let ulids = true;
  const path = route.path.replace(/\{[A-Za-z0-9_]+\+?\}/g, () => {
    const p = params[i++ % params.length];
    ulids &&= p.ulid;
    return p.wire;
  });
  return { path, ulids };
}

// ---------------------------------------------------------------------------------------------
// Bodies

const BASE = {
  customer: { name: 'Ada Lovelace', email: 'ada@example.com', locale: 'en' },
  planId: 'gold',
  startsOn: '2025-02-01',
  termMonths: 12,
  timeZone: 'Europe/Stockholm',
  distributorId: 'north',
};

type FieldKind = 'object' | 'string' | 'integer';
const FIELDS: { path: string; kind: FieldKind; optional: boolean }[] = [
  { path: 'customer', kind: 'object', optional: false },
  { path: 'customer.name', kind: 'string', optional: false },
  { path: 'customer.email', kind: 'string', optional: false },
  { path: 'customer.locale', kind: 'string', optional: true },
  { path: 'planId', kind: 'string', optional: false },
  { path: 'startsOn', kind: 'string', optional: false },
  { path: 'termMonths', kind: 'integer', optional: false },
  { path: 'timeZone', kind: 'string', optional: true },
  { path: 'distributorId', kind: 'string', optional: true },
];

type Mutation =
  | { op: 'set'; value: unknown } // wrong type, null, unicode, nested junk
  | { op: 'huge'; char: string; n: number }
  | { op: 'delete' }
  | { op: 'extra-key'; at: 'root' | 'customer'; key: string; value: unknown }
  | { op: 'raw-number'; raw: string } // termMonths as number text: 12.0, 1e400, -0 …
  | { op: 'duplicate-key'; raw: string; junkFirst: boolean };

type BodySpec =
  | { kind: 'empty' }
  | { kind: 'json'; value: unknown }
  | { kind: 'near-valid'; field: string; mutation: Mutation }
  | { kind: 'truncated'; of: BodySpec; keep: number }
  | { kind: 'non-utf8'; where: 'in-name' | 'structural' | 'raw'; bytes: number[] }
  | { kind: 'enormous-array'; n: number; element: string }
  | { kind: 'deep-nesting'; depth: number; open: string; close: string }
  | { kind: 'many-keys'; n: number }
  | { kind: 'text'; text: string; mayBeValid: boolean };

const sameType = (kind: FieldKind, value: unknown) =>
  kind === 'string' ? typeof value === 'string'
    : kind === 'integer' ? Number.isInteger(value)
      : typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON value of any type but `kind`. */
const wrongTypeFor = (kind: FieldKind): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
    fc.string({ maxLength: 20 }),
  ).filter((v) => !sameType(kind, v));

const nestedJunk = fc.letrec<{ junk: unknown }>((tie) => ({
  junk: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.jsonValue({ maxDepth: 1 }), fc.array(tie('junk'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 6 }), tie('junk'), { maxKeys: 3 })),
})).junk.filter((v) => typeof v === 'object' && v !== null);

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isAdmin', 'role', 'contractId', 'version', ''];

const mutationFor = (field: (typeof FIELDS)[number]): fc.Arbitrary<Mutation> =>
  fc.oneof(
    { weight: 3, arbitrary: wrongTypeFor(field.kind).map((value) => ({ op: 'set' as const, value })) },
    { weight: 1, arbitrary: fc.constant({ op: 'set' as const, value: null }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }).map((value) => ({ op: 'set' as const, value })) },
    { weight: 1, arbitrary: nestedJunk.map((value) => ({ op: 'set' as const, value })) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('x', 'é', '😀', '\u0000', ' ', '"', '\\'), fc.integer({ min: 300, max: 40_000 })).map(([char, n]) => ({ op: 'huge' as const, char, n })) },
    { weight: 1, arbitrary: fc.constant({ op: 'delete' as const }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('extra-key' as const), at: fc.constantFrom('root' as const, 'customer' as const), key: fc.constantFrom(...PROTO_KEYS), value: fc.jsonValue({ maxDepth: 2 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate-key' as const), raw: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)), junkFirst: fc.boolean() }) },
    ...(field.path === 'termMonths'
      ? [{ weight: 2, arbitrary: fc.constantFrom('12.0', '1.2e1', '120e-1', '12.000000000000001', '-0', '0', '1e400', '-1e400', '1e-400', '121', '9007199254740993', '0x0C', '012', '+12', 'NaN', 'Infinity', '12n').map((raw) => ({ op: 'raw-number' as const, raw })) }]
      : []),
  );

const nearValidArb = fc
  .constantFrom(...FIELDS)
  .chain((field) => mutationFor(field).map((mutation): BodySpec => ({ kind: 'near-valid', field: field.path, mutation })));

const BODY_TEXTS: { text: string; mayBeValid: boolean }[] = [
  { text: 'customer[name]=Ada&customer[email]=ada%40example.com&planId=gold&startsOn=2025-02-01&termMonths=12', mayBeValid: false },
  { text: '--x\r\nContent-Disposition: form-data; name="planId"\r\n\r\ngold\r\n--x--\r\n', mayBeValid: false },
  { text: '<contract><planId>gold</planId></contract>', mayBeValid: false },
  { text: `\uFEFF${JSON.stringify(BASE)}`, mayBeValid: true }, // a BOM: lenient parsers accept it
  { text: `${JSON.stringify(BASE)}${JSON.stringify(BASE)}`, mayBeValid: false },
  { text: `${JSON.stringify(BASE)} trailing`, mayBeValid: false },
  { text: JSON.stringify(BASE).replace(/"/g, "'"), mayBeValid: false },
  { text: JSON.stringify(BASE).replace(/}$/, ',}'), mayBeValid: false },
  { text: JSON.stringify([BASE]), mayBeValid: false },
  { text: JSON.stringify(JSON.stringify(BASE)), mayBeValid: false },
  { text: 'null', mayBeValid: false },
  { text: 'true', mayBeValid: false },
  { text: '{}', mayBeValid: false },
  { text: '[]', mayBeValid: false },
  { text: ' ', mayBeValid: false },
  { text: '\n\t\r', mayBeValid: false },
  { text: '\u0000', mayBeValid: false },
  { text: '{"customer":{"name":"\\ud800","email":"ada@example.com"},"planId":"gold","startsOn":"2025-02-01","termMonths":12}', mayBeValid: true },
];

const bodyArb: fc.Arbitrary<BodySpec> = fc.oneof(
  { weight: 6, arbitrary: nearValidArb },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value): BodySpec => ({ kind: 'json', value })) },
  { weight: 2, arbitrary: fc.tuple(fc.oneof(nearValidArb, fc.constant<BodySpec>({ kind: 'json', value: BASE })), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })).map(([of, keep]): BodySpec => ({ kind: 'truncated', of, keep })) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('non-utf8' as const), where: fc.constantFrom('in-name' as const, 'structural' as const, 'raw' as const), bytes: fc.array(fc.oneof(fc.integer({ min: 0x80, max: 0xff }), fc.integer({ min: 0, max: 0xff })), { minLength: 1, maxLength: 24 }) }) },
  { weight: 1, arbitrary: fc.constant<BodySpec>({ kind: 'empty' }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('0', '"x"', '{}', '[]', 'null', '1e308', JSON.stringify(BASE))
      // Up to the gateway's limit; what is above it is property 1c's.
      .chain((element) => fc.integer({ min: 1_000, max: Math.min(60_000, Math.floor(GATEWAY_MAX_BODY_BYTES / (element.length + 1)) - 1) }).map((n): BodySpec => ({ kind: 'enormous-array', n, element }))),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 100, max: 20_000 }), fc.constantFrom(['[', ']'], ['{"a":', '}'], ['{"customer":', '}']))
      .map(([depth, [open, close]]): BodySpec => ({ kind: 'deep-nesting', depth, open, close })),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('many-keys' as const), n: fc.integer({ min: 100, max: 5_000 }) }) },
  { weight: 1, arbitrary: fc.constantFrom(...BODY_TEXTS).map((t): BodySpec => ({ kind: 'text', ...t })) },
);

/** Sets, deletes or adds at a dotted path of a copy of BASE. */
function nearValidText(field: string, mutation: Mutation): { text: string; mayBeValid: boolean } {
  const spec = FIELDS.find((f) => f.path === field)!;
  const body: Record<string, any> = structuredClone(BASE);
  const keys = field.split('.');
  const parent = keys.slice(0, -1).reduce((o, k) => o[k], body);
  const key = keys.at(-1)!;
  switch (mutation.op) {
    case 'set':
      parent[key] = mutation.value;
      return { text: JSON.stringify(body), mayBeValid: sameType(spec.kind, mutation.value) };
    case 'huge':
      parent[key] = mutation.char.repeat(mutation.n);
      return { text: JSON.stringify(body), mayBeValid: false };
    case 'delete':
      delete parent[key];
      return { text: JSON.stringify(body), mayBeValid: spec.optional };
    case 'extra-key': {
      // defineProperty, so that "__proto__" becomes an own key in the JSON text, not a prototype.
      const target = mutation.at === 'root' ? body : body.customer;
      if (typeof target !== 'object' || target === null) return { text: JSON.stringify(body), mayBeValid: false };
      Object.defineProperty(target, mutation.key, { value: mutation.value, enumerable: true, writable: true, configurable: true });
      return { text: JSON.stringify(body), mayBeValid: false };
    }
    case 'raw-number': {
      const sentinel = '\u0001raw\u0001';
      parent[key] = sentinel;
      let parsed: unknown;
      try {
        parsed = JSON.parse(mutation.raw);
      } catch {
        parsed = undefined;
      }
      return { text: JSON.stringify(body).replace(JSON.stringify(sentinel), mutation.raw), mayBeValid: parsed === 12 };
    }
    case 'duplicate-key': {
      // The same key twice in one object: JSON.parse keeps the last one.
      const text = JSON.stringify(parent);
      const entry = `${JSON.stringify(key)}:${mutation.raw}`;
      const duplicated = mutation.junkFirst ? `{${entry},${text.slice(1)}` : `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}${entry}}`;
      const full = keys.length === 1 ? duplicated : JSON.stringify({ ...body, customer: '\u0001dup\u0001' }).replace('"\u0001dup\u0001"', duplicated);
      return { text: full, mayBeValid: mutation.junkFirst || sameType(spec.kind, JSON.parse(mutation.raw)) };
    }
  }
}

/** The bytes of a body, and whether it could be a valid create-contract body (JSON-wise). */
function materialize(spec: BodySpec): { bytes: Buffer; mayBeValid: boolean } {
  const utf8 = (text: string, mayBeValid: boolean) => ({ bytes: Buffer.from(text, 'utf8'), mayBeValid });
  switch (spec.kind) {
    case 'empty':
      return { bytes: Buffer.alloc(0), mayBeValid: false };
    case 'json':
      return utf8(JSON.stringify(spec.value) ?? 'null', spec.value === BASE);
    case 'near-valid': {
      const { text, mayBeValid } = nearValidText(spec.field, spec.mutation);
      return utf8(text, mayBeValid);
    }
    case 'truncated': {
      // Cut the bytes, not the characters, so a cut can split a UTF-8 sequence.
      const whole = materialize(spec.of).bytes;
      return { bytes: whole.subarray(0, Math.floor(spec.keep * whole.length)), mayBeValid: false };
    }
    case 'non-utf8': {
      const junk = Buffer.from(spec.bytes);
      const text = JSON.stringify(BASE);
      if (spec.where === 'raw') return { bytes: junk, mayBeValid: false };
      if (spec.where === 'in-name') {
        const [before, after] = text.split('Ada Lovelace');
        return { bytes: Buffer.concat([Buffer.from(`${before}Ada`), junk, Buffer.from(`${after}`)]), mayBeValid: true };
      }
      const cut = text.indexOf(',"planId"');
      return { bytes: Buffer.concat([Buffer.from(text.slice(0, cut)), junk, Buffer.from(text.slice(cut))]), mayBeValid: false };
    }
    case 'enormous-array':
      return utf8(`[${new Array(spec.n).fill(spec.element).join(',')}]`, false);
    case 'deep-nesting':
      return utf8(`${spec.open.repeat(spec.depth)}1${spec.close.repeat(spec.depth)}`, false);
    case 'many-keys':
      return utf8(JSON.stringify(Object.fromEntries(Array.from({ length: spec.n }, (_, i) => [`k${i}`, i]))), false);
    case 'text':
      return utf8(spec.text, spec.mayBeValid);
  }
}

/** Content types, and whether the API is documented to read the body as JSON (undefined: no claim). */
const contentTypeArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ value: 'application/json' as string | undefined, json: true as boolean | undefined }) },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      { value: 'application/json; charset=utf-8', json: true },
      { value: 'APPLICATION/JSON', json: true },
      { value: 'application/vnd.api+json', json: true },
      { value: 'application/merge-patch+json; charset=utf-8', json: true },
      { value: undefined, json: false },
      { value: 'text/plain', json: false },
      { value: 'text/plain; charset=utf-8', json: false },
      { value: 'application/x-www-form-urlencoded', json: false },
      { value: 'multipart/form-data; boundary=x', json: false },
      { value: 'application/octet-stream', json: false },
      { value: 'application/xml', json: false },
      { value: 'application/jsonx', json: false },
      { value: '', json: false },
    ),
  },
  { weight: 1, arbitrary: printable({ maxLength: 60 }).map((value) => ({ value, json: undefined })) },
);

/**
 * What POST /v1/contracts promises a caller with a role (functions/http/route.ts: roles, then
 * size, emptiness, content type and JSON syntax, then the schema), as "status code"; where the
 * input leaves a choice (a body that may be valid), the answer itself when it is one of them.
 */
function expectedCreate(kind: TokenKind, bytes: Buffer, json: boolean | undefined, mayBeValid: boolean, answer: Answer): string {
  const actual = `${answer.status} ${errorCode(answer) ?? ''}`.trim();
  if (bytes.byteLength > GATEWAY_MAX_BODY_BYTES) return '413'; // refused by the gateway, as `{message}`
  if (kind === 'dpo') return '403 forbidden';
  const decoded = bytes.toString('utf8');
  const sizes = [bytes.byteLength, Buffer.byteLength(decoded)];
  if (sizes.every((s) => s > MAX_BODY_BYTES)) return '413 payload_too_large';
  if (sizes.some((s) => s > MAX_BODY_BYTES)) return actual; // re-encoding decides; either is right
  if (bytes.byteLength === 0) return '400 validation_failed';
  if (json === false) return '415 unsupported_media_type';
  if (json === undefined) return actual;
  try {
    JSON.parse(decoded);
  } catch {
    return '400 malformed_json';
  }
  if (!mayBeValid) return '400 validation_failed';
  return ['201', '400 validation_failed', '403 forbidden'].includes(actual) ? actual : '201 | 400 validation_failed | 403 forbidden';
}

// ---------------------------------------------------------------------------------------------
// Bodies of the right shape with values at the edges (property 1b)

/** Time zones; `valid` is whether IANA knows the name (undefined: implementations differ). */
const ZONES: { zone: string | undefined; valid: boolean | undefined }[] = [
  { zone: undefined, valid: true },
  ...['UTC', 'Etc/UTC', 'Etc/GMT+12', 'Etc/GMT-14', 'Pacific/Kiritimati', 'Pacific/Apia', 'Pacific/Chatham', 'America/St_Johns',
    'Asia/Kathmandu', 'Australia/Lord_Howe', 'Europe/Stockholm', 'America/Sao_Paulo', 'Africa/Casablanca', 'Antarctica/Troll',
    'America/Santiago', 'Europe/Dublin', 'Asia/Tehran'].map((zone) => ({ zone, valid: true })),
  ...['utc', 'europe/stockholm', 'EST5EDT', 'GMT', 'US/Pacific', 'Europe/Kiev', '+05:00', 'UTC+1', 'Z'].map((zone) => ({ zone, valid: undefined })),
  ...['Europe/Atlantis', 'Local', 'Etc/GMT+15', 'Mars/Olympus_Mons', 'Europe/Stockholm/', '../../etc/passwd'].map((zone) => ({ zone, valid: false })),
];

const EDGE_DATES = [
  '0000-01-01', '0000-02-29', '0001-01-01', '1582-10-10', '1900-02-28', '1970-01-01', '1999-12-31', '2000-02-29', '2024-02-29',
  '2025-03-30', '2025-10-26', '2025-01-31', '2100-02-28', '2999-12-31', '9998-01-31', '9998-12-31', '9999-01-01', '9999-12-31',
];

const edgeBodyArb = fc.record({
  name: fc.oneof(
    { withCrossShrink: true },
    fc.constantFrom('Ada', 'A'.repeat(200), ' Ada ', 'Ada\r\nBcc: eve@example.com', '<b>Ada</b>', '{{name}}', '${name}', 'Zoë Ångström-Łukasiewicz', '李小龍', 'مرحبا', '👩🏽‍💻'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0 && s.length <= 200),
  ),
  email: fc.constantFrom('ada@example.com', 'first.last+tag@sub.example.co.uk', `${'x'.repeat(64)}@example.com`, 'o.brien@example.org', 'a@b.co'),
  locale: fc.constantFrom(undefined, 'en', 'fr', 'pl', 'de', 'sv'),
  plan: fc.constantFrom(['gold', 12], ['diamond', 12], ['platinum', 24], ['gold', 12], ['platinum', 12], ['gold', 1], ['diamond', 120]),
  startsOn: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...EDGE_DATES) },
    { weight: 2, arbitrary: fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  ),
  zone: fc.constantFrom(...ZONES),
  distributorId: fc.oneof({ withCrossShrink: true }, fc.constant(undefined), fc.constantFrom('north', 'x'.repeat(64)), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }).filter((s) => s.length <= 64)),
});

// ---------------------------------------------------------------------------------------------
// Headers (property 2)

/** Names the fuzzer leaves alone: framing (a wrong Content-Length is a different request) and the ones it sets itself. */
const RESERVED_HEADERS = new Set([
  'authorization', 'content-type', 'content-length', 'transfer-encoding', 'host', 'connection', 'keep-alive', 'expect', 'upgrade',
  'te', 'trailer', 'proxy-connection', 'http2-settings', 'idempotency-key', 'x-correlation-id',
]);
const INTERESTING_HEADERS = [
  'cookie', 'origin', 'accept', 'accept-encoding', 'accept-language', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-real-ip',
  'x-amz-date', 'x-amzn-trace-id', 'x-amz-security-token', 'user-agent', 'referer', 'x-api-key', 'x-http-method-override', 'x-original-url',
  'x-rewrite-url', 'forwarded', 'range', 'if-match', 'if-none-match', 'content-encoding', 'content-language', 'x-requested-with',
  'access-control-request-method', 'access-control-request-headers', 'idempotent-replayed', 'location', '__proto__', 'constructor',
];
const printableWithSpaces = (options: { minLength?: number; maxLength?: number } = {}) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), ...options });
const highLatin1 = (options: { minLength?: number; maxLength?: number } = {}) =>
  fc.string({ unit: fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c)), ...options });

const headerNameArb = fc
  .oneof({ weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,40}$/) }, { weight: 2, arbitrary: fc.constantFrom(...INTERESTING_HEADERS) })
  .filter((name) => !RESERVED_HEADERS.has(name.toLowerCase()));
const headerValueArb = fc.oneof(
  { weight: 4, arbitrary: printableWithSpaces({ maxLength: 200 }) },
  { weight: 1, arbitrary: highLatin1({ maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '', ' ', '\t', 'null', '__proto__', '{"__proto__":{"admin":true}}', '../../etc/passwd', '${jndi:ldap://x/a}', "' OR '1'='1",
      '<script>alert(1)</script>', '%00', '%0d%0aSet-Cookie: x=1', 'a'.repeat(3000), 'gzip', 'br, gzip', '*', 'https://www.example-vendor.test',
      'https://evil.test', 'null', 'POST', 'DELETE', '127.0.0.1', '1.2.3.4, 5.6.7.8', 'bytes=0-1', 'Mon, 01 Jan 0001 00:00:00 GMT', 'a=b; c=d; __proto__=x',
    ),
  },
);
const extraHeadersArb = fc
  .uniqueArray(fc.tuple(headerNameArb, fc.oneof({ weight: 4, arbitrary: headerValueArb }, { weight: 1, arbitrary: fc.array(headerValueArb, { minLength: 2, maxLength: 3 }) })), {
    maxLength: 12,
    selector: ([name]) => name.toLowerCase(),
  })
  // Stay under Node's 16 KB header limit (which would answer 431 before the API sees anything).
  .filter((headers) => headers.reduce((n, [name, value]) => n + name.length + String(value).length + 8, 0) < 10_000);

const idempotencyKeyArb: fc.Arbitrary<string | string[] | undefined> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', '\t', ' \t ') },
  { weight: 2, arbitrary: fc.integer({ min: 256, max: 400 }).chain((n) => printable({ minLength: n, maxLength: n })) },
  { weight: 3, arbitrary: fc.tuple(printable({ minLength: 1, maxLength: 20 }), fc.constantFrom(' ', '\t', '  '), printable({ minLength: 1, maxLength: 20 })).map(([a, gap, b]) => a + gap + b) },
  { weight: 2, arbitrary: fc.tuple(printable({ maxLength: 10 }), highLatin1({ minLength: 1, maxLength: 10 })).map(([a, b]) => a + b) },
  // Unicode as it reaches the server: its UTF-8 bytes, one latin-1 character each.
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }).filter((s) => /[^\x00-\x7f]/.test(s)).map((s) => Buffer.from(s, 'utf8').toString('latin1')) },
  { weight: 1, arbitrary: fc.array(printable({ minLength: 1, maxLength: 20 }), { minLength: 2, maxLength: 3 }) },
  // Valid keys: these create contracts.
  { weight: 1, arbitrary: printable({ minLength: 1, maxLength: 255 }) },
  { weight: 1, arbitrary: fc.constantFrom('k'.repeat(255), '!', '~'.repeat(255), ' padded ') },
);

const correlationIdArb: fc.Arbitrary<string | string[] | undefined> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9._:-]{1,100}$/) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'a b', 'x'.repeat(101), 'x'.repeat(100), '../../', 'id;drop table', '<script>', 'é', '\t', ' ok ') },
  { weight: 2, arbitrary: printable({ maxLength: 120 }) },
  { weight: 1, arbitrary: highLatin1({ minLength: 1, maxLength: 20 }) },
  { weight: 1, arbitrary: fc.array(fc.stringMatching(/^[A-Za-z0-9]{1,10}$/), { minLength: 2, maxLength: 2 }) },
);

/** A header value as the server reads it: each line trimmed of spaces and tabs, repeats joined with ", ". */
const asReceived = (value: string | string[]) => [value].flat().map((v) => v.replace(/^[ \t]+|[ \t]+$/g, '')).join(', ');

// ---------------------------------------------------------------------------------------------
// Paths and methods (property 3)

const methodArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS') },
  { weight: 1, arbitrary: fc.constantFrom('TRACE', 'PROPFIND', 'MKCOL', 'LOCK', 'PURGE', 'SEARCH', 'REPORT', 'FOO', 'M-SEARCH', 'QUERY', 'LINK', 'SOURCE') },
);
const segmentArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('v1', 'contracts', 'V1', 'CONTRACTS', 'v2', 'v1.0', 'api', '') },
  { weight: 2, arbitrary: fc.ulid() },
  { weight: 2, arbitrary: odd },
  { weight: 2, arbitrary: percentJunk },
  { weight: 2, arbitrary: fc.webSegment() },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }).map(encodeURIComponent) },
  { weight: 1, arbitrary: highLatin1({ minLength: 1, maxLength: 6 }) }, // raw bytes ≥ 0x80 in the request line
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 4_000 }).map((n) => 'a'.repeat(n)) },
);
const routeTwists: ((path: string) => string)[] = [
  (p) => p,
  (p) => `${p}/`,
  (p) => p.replace(/\//g, '//'),
  (p) => `/.${p}`,
  (p) => `${p}/..`,
  (p) => `${p}/%2e%2e`,
  (p) => p.toUpperCase(),
  (p) => p.replace(/\//g, '%2F'),
  (p) => p.replace(/\//g, '\\'),
  (p) => `${p}%00`,
  (p) => `${p};x=1`,
  (p) => `/v1${p}`,
  (p) => p.slice(0, -1),
];
const pathOnlyArb = fc.oneof(
  { weight: 5, arbitrary: fc.array(segmentArb, { maxLength: 8 }).map((segments) => `/${segments.join('/')}`) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(routeArb, fc.array(paramArb, { minLength: 1, maxLength: 2 }), fc.integer({ min: 0, max: routeTwists.length - 1 }))
      .map(([key, params, twist]) => routeTwists[twist](fill(routeOf(key), params).path)),
  },
  { weight: 2, arbitrary: fc.webPath() },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '*', '/', '//', '///', '//v1/contracts', '/\\', '\\\\x', 'v1/contracts', 'http://example.com/v1/contracts', 'http://[::1]/v1/contracts',
      '/v1/contracts/..%2f..%2f', '/./v1/./contracts', '/v1/contracts/%2e%2e/%2e%2e', '/%2Fv1/contracts', '/v1%2Fcontracts',
      '/v1/contracts;jsessionid=1', '/v1/contracts%00', '/v1/contracts%20', '/v1/contracts/', '/v1//contracts', '/V1/CONTRACTS',
    ),
  },
);
const queryArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: fc.webQueryParameters().map((q) => `?${q}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('?', '??', '?a=1&a=2', '?__proto__=x', '?__proto__[admin]=1', '?constructor=x&constructor=y', '?toString=1', '?hasOwnProperty=1',
      '?a', '?=', '?&&', '?%zz=%', '?a[b]=c', `?${'q=x&'.repeat(500)}`),
  },
);
const fragmentArb = fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.webFragments().map((f) => `#${f}`) });
/**
 * Paths under /_local/ are left out: they are the local runtime's own developer endpoints (firing
 * a schedule), not part of the API and absent in AWS.
 */
const pathArb = fc
  .tuple(pathOnlyArb, queryArb, fragmentArb)
  .map(([path, query, fragment]) => path + query + fragment)
  .filter((path) => !path.toLowerCase().includes('_local'));

// ---------------------------------------------------------------------------------------------
// Tables

const DYNAMO_REGION = 'eu-north-1';
let ddb: DynamoDBClient;

interface TableSnapshot {
  count: number;
  keys: Set<string>;
}
type Snapshot = Record<'events' | 'views' | 'idempotency', TableSnapshot>;

const KEY_ATTRIBUTES = { events: ['streamId', 'version'], views: ['pk', 'sk'], idempotency: ['id'] } as const;

async function scanAll(table: string, input: Record<string, unknown>): Promise<{ count: number; items: Record<string, AttributeValue>[] }> {
  let count = 0;
  const items: Record<string, AttributeValue>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await ddb.send(new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey: start, ...input }));
    count += page.Count ?? 0;
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return { count, items };
}

async function snapshot(): Promise<Snapshot> {
  const one = async (id: keyof typeof KEY_ATTRIBUTES): Promise<TableSnapshot> => {
    const table = rt.tables[id];
    const names = KEY_ATTRIBUTES[id];
    const { count } = await scanAll(table, { Select: 'COUNT' });
    const { items } = await scanAll(table, {
      ProjectionExpression: names.map((_, i) => `#k${i}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#k${i}`, n])),
    });
    return { count, keys: new Set(items.map((item) => names.map((n) => item[n]?.S ?? item[n]?.N).join('|'))) };
  };
  const [events, views, idempotency] = await Promise.all([one('events'), one('views'), one('idempotency')]);
  return { events, views, idempotency };
}

// ---------------------------------------------------------------------------------------------

describe('the HTTP API under random and malformed input (local runtime)', () => {
  let before: Snapshot;

  beforeAll(async () => {
    rt = await startTestRuntime();
    ddb = new DynamoDBClient({ endpoint: rt.dynamoEndpoint, region: DYNAMO_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    tokens.admin = await rt.token('admin');
    tokens['agent-l0'] = await rt.token('agent-l0', 'north');
    tokens.dpo = await rt.token('dpo');
    tokens['unknown-role'] = await signStaffToken(rt.jwtKey, { role: 'superuser' as Role, sub: 'who-knows' });
    tokens['wrong-scope'] = await signStaffToken(rt.jwtKey, { role: 'admin', scope: 'openid profile' });
    tokens.expired = await signStaffToken(rt.jwtKey, { role: 'admin', expiresIn: '-1h' });
    tokens['other-key'] = await signStaffToken(randomBytes(32), { role: 'admin' });
    before = await snapshot();
    expect(routes.length).toBeGreaterThan(0);
  });

  afterAll(async () => {
    agent.destroy();
    await rt?.stop();
    ddb?.destroy();
    const statuses = [...stats.byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(
      `[http-fuzz] ${stats.requests} requests; statuses ${statuses}; ${stats.created.length} answered 201 ` +
        `(${stats.created.filter((c) => c.replayed).length} replays); seconds ${JSON.stringify(stats.seconds)}`,
    );
  });

  const timed = async (name: string, body: () => Promise<void>) => {
    const started = performance.now();
    try {
      await body();
    } finally {
      stats.seconds[name] = Math.round((performance.now() - started) / 100) / 10;
    }
  };

  it('1. random and malformed bodies, content types and callers on every declared route: never a 5xx, always the error shape', () =>
    timed('bodies', () =>
      fc.assert(
        fc.asyncProperty(
          routeArb,
          fc.array(paramArb, { minLength: 1, maxLength: 3 }),
          bodyArb,
          contentTypeArb,
          callerArb,
          async (routeKey, params, bodySpec, contentType, caller) => {
            const route = routeOf(routeKey);
            const { path, ulids } = fill(route, params);
            const { bytes, mayBeValid } = materialize(bodySpec);
            const headers: OutgoingHttpHeaders = { ...authorization(caller) };
            if (contentType.value !== undefined) headers['content-type'] = contentType.value;
            const sent: Sent = { method: route.method, path, headers, body: bytes };
            const answer = await send(sent);
            const canSucceed = route.method === 'GET' ? ulids || customerIdIn(route, params) : mayBeValid && contentType.json !== false && ulids;
            checkAnswer(sent, answer, canSucceed);

            const what = describeAnswer(sent, answer);
            if (route.auth === 'staff') {
              const refusal = gatewayRefusal(caller.kind);
              if (refusal) expect(answer.status, what).toBeOneOf([refusal, 404]);
              if (caller.kind === 'unknown-role') expect(answer.status, what).toBeOneOf([403, 404]);
            }
            if (route.auth === 'public' || !ROLE_TOKENS.includes(caller.kind)) return;

            // What the two known routes promise a caller with a role.
            if (route.routeKey === GET_CONTRACT) {
              if (ulids) expect(answer.status, what).toBe(404);
              else expect(answer.status, what).toBeOneOf([400, 404]);
            }
            if (route.routeKey === CREATE_CONTRACT) {
              expect(`${answer.status} ${errorCode(answer) ?? ''}`.trim(), what).toBe(expectedCreate(caller.kind, bytes, contentType.json, mayBeValid, answer));
            }
          },
        ),
        { numRuns: runs(1_500) },
      ),
    ), 180_000);

  it('1b. create-contract bodies of the right shape with values at the edges (dates 0000–9999, odd zones, terms, unicode names): 201 or 400, never a 5xx', () =>
    timed('edge values', () =>
      fc.assert(
        fc.asyncProperty(edgeBodyArb, async (edge) => {
          const [planId, termMonths] = edge.plan as [string, number];
          const body = {
            customer: { name: edge.name, email: edge.email, ...(edge.locale ? { locale: edge.locale } : {}) },
            planId,
            startsOn: edge.startsOn,
            termMonths,
            ...(edge.zone.zone !== undefined ? { timeZone: edge.zone.zone } : {}),
            ...(edge.distributorId !== undefined ? { distributorId: edge.distributorId } : {}),
          };
          const sent: Sent = { method: 'POST', path: '/v1/contracts', headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) };
          const answer = await send(sent);
          checkAnswer(sent, answer, true);
          const what = `${describeAnswer(sent, answer)} for ${JSON.stringify(body)}`;
          expect(`${answer.status} ${errorCode(answer) ?? ''}`.trim(), what).toBeOneOf(['201', '400 validation_failed']);
          const planFits = ['gold 12', 'diamond 12', 'platinum 24'].includes(`${planId} ${termMonths}`);
          const ordinaryDate = edge.startsOn >= EARLIEST_START && edge.startsOn <= LATEST_START;
          if (planFits && ordinaryDate && edge.zone.valid === true) expect(answer.status, what).toBe(201);
          if (!planFits || !ordinaryDate || edge.zone.valid === false) expect(answer.status, what).toBe(400);
        }),
        { numRuns: runs(300) },
      ),
    ), 120_000);

  it('1c. bodies above the gateway\'s 10 MB limit: a 413 `{message}`, and the keep-alive connection still answers the next request', () =>
    timed('oversized', () =>
      fc.assert(
        fc.asyncProperty(
          routeArb,
          fc.constantFrom(GATEWAY_MAX_BODY_BYTES + 1, 11 * 1024 * 1024, 12 * 1024 * 1024),
          contentTypeArb,
          callerArb,
          async (routeKey, size, contentType, caller) => {
            const route = routeOf(routeKey);
            const headers: OutgoingHttpHeaders = { ...authorization(caller) };
            if (contentType.value !== undefined) headers['content-type'] = contentType.value;
            const sent: Sent = { method: route.method, path: fill(route, [{ wire: '01M7YJG0YP0A9FX004VZ2GA6YN', ulid: true }]).path, headers, body: Buffer.alloc(size, '[') };
            // One connection of its own, kept alive as browsers and fetch keep theirs.
            const connection = new Agent({ keepAlive: true, maxSockets: 1 });
            try {
              const answer = await send(sent, connection);
              checkAnswer(sent, answer, false);
              expect(answer.status, describeAnswer(sent, answer)).toBe(413);
              const next: Sent = { method: 'GET', path: '/v1/contracts/01M7YJG0YP0A9FX004VZ2GA6YN', headers: {} };
              const nextAnswer = await send(next, connection);
              expect(nextAnswer.failure, `the request after a ${size}-byte body on the same connection: ${describeAnswer(next, nextAnswer)}`).toBeUndefined();
              expect(nextAnswer.status).toBe(401);
            } finally {
              connection.destroy();
            }
          },
        ),
        { numRuns: runs(6) },
      ),
    ), 60_000);

  it('2. random headers, Idempotency-Key and X-Correlation-Id values: never a 5xx, a bad key is a 400, a valid correlation id is echoed', () =>
    timed('headers', () =>
      fc.assert(
        fc.asyncProperty(
          routeArb,
          fc.ulid(),
          extraHeadersArb,
          idempotencyKeyArb,
          correlationIdArb,
          fc.nat({ max: 20 }),
          async (routeKey, id, extra, key, correlationId, variant) => {
            const route = routeOf(routeKey);
            const headers: OutgoingHttpHeaders = { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' };
            for (const [name, value] of extra) headers[name] = value;
            if (key !== undefined) headers['idempotency-key'] = key;
            if (correlationId !== undefined) headers['x-correlation-id'] = correlationId;
            // A valid body only with a key, so that the key is what decides, and only a valid key writes.
            // The body varies a little, so that a reused key meets both the same and a different request.
            const body = route.routeKey === CREATE_CONTRACT ? (key !== undefined ? { ...BASE, distributorId: `d${variant}` } : {}) : undefined;
            const sent: Sent = { method: route.method, path: fill(route, [{ wire: id, ulid: true }]).path, headers, body: body && Buffer.from(JSON.stringify(body)) };
            const answer = await send(sent);
            const keyValid = key !== undefined && VALID_IDEMPOTENCY_KEY.test(asReceived(key));
            checkAnswer(sent, answer, route.routeKey !== CREATE_CONTRACT || keyValid);
            const what = `${describeAnswer(sent, answer)} with key ${JSON.stringify(key)}`;
            // Public routes are throttled per IP by the gateway, which answers 429 `{message}` (checked above).
            if (route.auth === 'public' && answer.status === 429) return;

            // Every declared route answers from its handler here (admin token, valid ids): a correlation id always.
            const echoed = answer.headers['x-correlation-id'];
            expect(echoed, what).toEqual(expect.any(String));
            if (correlationId !== undefined && VALID_CORRELATION_ID.test(asReceived(correlationId))) expect(echoed, what).toBe(asReceived(correlationId));
            else expect(echoed, what).not.toBe(correlationId === undefined ? undefined : asReceived(correlationId));

            const outcome = `${answer.status} ${errorCode(answer) ?? ''}`.trim();
            if (route.routeKey === GET_CONTRACT) expect(outcome, what).toBe('404 not_found');
            if (route.routeKey === CREATE_CONTRACT) {
              if (key === undefined) expect(outcome, what).toBe('400 validation_failed');
              else if (!keyValid) {
                expect(outcome, what).toBe('400 validation_failed');
                expect((answer.json as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path), what).toEqual(['Idempotency-Key']);
              } else expect(outcome, what).toBeOneOf(['201', '422 idempotency_key_reused']);
            }
          },
        ),
        { numRuns: runs(800) },
      ),
    ), 120_000);

  it('3. random paths (.., //, encoded slashes, unicode, query strings) and methods: never a 5xx, never a hang', () =>
    timed('paths', () =>
      fc.assert(
        fc.asyncProperty(methodArb, pathArb, fc.boolean(), fc.boolean(), async (method, path, withToken, preflight) => {
          const headers: OutgoingHttpHeaders = withToken ? { authorization: `Bearer ${tokens.admin}` } : {};
          if (method === 'OPTIONS' && preflight) Object.assign(headers, { origin: 'https://www.example-vendor.test', 'access-control-request-method': 'POST' });
          const sent: Sent = { method, path, headers };
          const answer = await send(sent);
          checkAnswer(sent, answer, isDeclaredRead(method, path));
        }),
        { numRuns: runs(800) },
      ),
    ), 180_000);

  it('4. never a write: the events, views and idempotency tables grew only by what the 201 answers created', async () => {
    await rt.settle();
    const after = await snapshot();
    const created = stats.created.filter((c) => !c.replayed);
    const streams = created.map((c) => streamId(CONTRACT_CATEGORY, c.contractId));
    expect(new Set(streams).size).toBe(streams.length);
    const added = (table: keyof Snapshot) => [...after[table].keys].filter((k) => !before[table].keys.has(k)).sort();

    // Each created contract is two events: the order and its activation.
    expect(after.events.count - before.events.count, 'events appended').toBe(2 * created.length);
    expect(added('events'), 'new events').toEqual(streams.flatMap((s) => [`${s}|1`, `${s}|2`]).sort());

    const views = added('views');
    expect(views.filter((k) => k.endsWith('|view')), 'new views').toEqual(streams.map((s) => `${s}|view`).sort());
    // A created contract's ledger lines (its customer is the contract) and its month's statement marker.
    const contractIds = created.map((c) => c.contractId);
    const ownRow = (k: string) => {
      const [pk, sk] = k.split('|');
      return contractIds.some((id) => pk === `ledger#${id}` || (pk.startsWith('statement-month#') && sk === `customer#${id}`));
    };
    expect(views.filter((k) => !streams.includes(k.split('|')[0]) && !ownRow(k)), 'view items of no created contract').toEqual([]);
    expect(after.views.count - before.views.count).toBe(views.length);

    const records = added('idempotency');
    expect(after.idempotency.count - before.idempotency.count).toBe(records.length);
    // A keyed 201 leaves one record; a form's neutral 202 leaves one too (so its key behaves alike, matched or not).
    const httpRecords = records.filter((k) => k.startsWith('http#')).length;
    expect(httpRecords, 'HTTP idempotency records').toBeGreaterThanOrEqual(created.filter((c) => c.keyed).length);
    expect(httpRecords, 'HTTP idempotency records').toBeLessThanOrEqual(created.filter((c) => c.keyed).length + stats.neutral);
    expect(records.filter((k) => !k.startsWith('http#')).length, 'reaction records (one mail per created contract at most)').toBeLessThanOrEqual(created.length);
    console.log(`[http-fuzz] tables grew by: events ${added('events').length}, views ${views.length}, idempotency ${records.length}; 201s ${created.length}`);
  }, 120_000);
});
