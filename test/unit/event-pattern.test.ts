import { describe, expect, it } from 'vitest';
import { INTEGRATION_SOURCE } from '../../events/integration';
import { InvalidEventPatternError, matchesPattern, validatePattern } from '../../infra/local/event-pattern';
import { functions } from '../../infra/topology';

/** An EventBridge envelope around `detail` (and any top-level overrides). */
function event(detail: Record<string, unknown>, top: Record<string, unknown> = {}) {
  return {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': 'ContractCreated',
    source: 'support-ledger',
    account: '000000000000',
    time: '2026-03-01T10:00:00Z',
    region: 'eu-north-1',
    resources: ['arn:aws:events:eu-north-1:000000000000:rule/a', 'arn:aws:events:eu-north-1:000000000000:rule/b'],
    detail,
    ...top,
  };
}

type Case = [description: string, pattern: Record<string, unknown>, detail: Record<string, unknown>, expected: boolean];

function table(cases: Case[]) {
  it.each(cases)('%s', (_description, pattern, detail, expected) => {
    expect(validatePattern(pattern)).toEqual([]);
    expect(matchesPattern(pattern, event(detail))).toBe(expected);
  });
}

describe('fields and exact values', () => {
  table([
    ['top-level string', { source: ['support-ledger'] }, {}, true],
    ['top-level string, other value', { source: ['aws.ec2'] }, {}, false],
    ['any of several values', { 'detail-type': ['ContractExpired', 'ContractCreated'] }, {}, true],
    ['case matters', { source: ['Support-Ledger'] }, {}, false],
    ['all fields must match (AND)', { source: ['support-ledger'], 'detail-type': ['Nope'] }, {}, false],
    ['nested field', { detail: { state: ['open'] } }, { state: 'open' }, true],
    ['nested field, other value', { detail: { state: ['open'] } }, { state: 'closed' }, false],
    ['deeply nested field', { detail: { a: { b: { c: ['x'] } } } }, { a: { b: { c: 'x' } } }, true],
    ['nested field missing', { detail: { state: ['open'] } }, {}, false],
    ['intermediate object missing', { detail: { a: { b: ['x'] } } }, {}, false],
    ['intermediate is a scalar', { detail: { a: { b: ['x'] } } }, { a: 'x' }, false],
    ['top-level field missing', { nope: ['x'] }, {}, false],
    ['numbers', { detail: { n: [5] } }, { n: 5 }, true],
    ['numbers in another notation', { detail: { n: [3.018e2] } }, { n: 301.8 }, true],
    ['number does not equal its string', { detail: { n: [5] } }, { n: '5' }, false],
    ['string does not equal a number', { detail: { n: ['5'] } }, { n: 5 }, false],
    ['booleans', { detail: { ok: [true] } }, { ok: true }, true],
    ['boolean is not its string', { detail: { ok: ['true'] } }, { ok: true }, false],
    ['boolean false', { detail: { ok: [false] } }, { ok: true }, false],
    ['null matches null', { detail: { v: [null] } }, { v: null }, true],
    ['null does not match a missing field', { detail: { v: [null] } }, {}, false],
    ['null does not match the empty string', { detail: { v: [null] } }, { v: '' }, false],
    ['empty string matches empty string', { detail: { v: [''] } }, { v: '' }, true],
    ['leaf pattern vs object value', { detail: { v: ['x'] } }, { v: { x: 'x' } }, false],
    ['other event fields are ignored', { detail: { a: ['1'] } }, { a: '1', b: 2, c: { d: [] } }, true],
  ]);
});

describe('arrays in events', () => {
  table([
    ['any element matches', { detail: { tags: ['b'] } }, { tags: ['a', 'b', 'c'] }, true],
    ['no element matches', { detail: { tags: ['z'] } }, { tags: ['a', 'b'] }, false],
    ['non-empty intersection', { detail: { tags: ['x', 'c'] } }, { tags: ['a', 'c'] }, true],
    ['empty array has no value', { detail: { tags: ['a'] } }, { tags: [] }, false],
    ['nested arrays are flattened', { detail: { tags: ['d'] } }, { tags: [['a'], ['b', ['d']]] }, true],
    ['objects in an array are descended', { detail: { items: { sku: ['B'] } } }, { items: [{ sku: 'A' }, { sku: 'B' }] }, true],
    ['objects in an array, no match', { detail: { items: { sku: ['C'] } } }, { items: [{ sku: 'A' }, { sku: 'B' }] }, false],
    [
      'two fields from the same element',
      { detail: { items: { sku: ['B'], qty: [2] } } },
      { items: [{ sku: 'A', qty: 2 }, { sku: 'B', qty: 2 }] },
      true,
    ],
    [
      'two fields from different elements do not match (array consistency)',
      { detail: { items: { sku: ['B'], qty: [1] } } },
      { items: [{ sku: 'A', qty: 1 }, { sku: 'B', qty: 2 }] },
      false,
    ],
    [
      'array of arrays of objects',
      { detail: { rows: { name: ['Anna'] } } },
      { rows: [[{ name: 'John' }], [{ name: 'Peter' }, { name: 'Anna' }]] },
      true,
    ],
    ['top-level resources array', { resources: ['arn:aws:events:eu-north-1:000000000000:rule/b'] }, {}, true],
    ['numeric on array elements', { detail: { n: [{ numeric: ['>', 10] }] } }, { n: [1, 2, 30] }, true],
    ['prefix on array elements', { detail: { n: [{ prefix: 'ab' }] } }, { n: ['xab', 'abc'] }, true],
  ]);
});

describe('prefix and suffix', () => {
  table([
    ['prefix', { time: [{ prefix: '2026-03' }] }, {}, true],
    ['prefix, no match', { time: [{ prefix: '2026-04' }] }, {}, false],
    ['empty prefix matches any string', { detail: { s: [{ prefix: '' }] } }, { s: 'abc' }, true],
    ['prefix is case sensitive', { detail: { s: [{ prefix: 'ABC' }] } }, { s: 'abcdef' }, false],
    ['prefix ignoring case', { detail: { s: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } }, { s: 'eventbridge' }, true],
    ['prefix ignoring case, no match', { detail: { s: [{ prefix: { 'equals-ignore-case': 'EventC' } }] } }, { s: 'eventbridge' }, false],
    ['prefix never matches numbers', { detail: { n: [{ prefix: '12' }] } }, { n: 123 }, false],
    ['prefix on a missing field', { detail: { s: [{ prefix: 'a' }] } }, {}, false],
    ['suffix', { detail: { file: [{ suffix: '.png' }] } }, { file: 'cat.png' }, true],
    ['suffix, no match', { detail: { file: [{ suffix: '.png' }] } }, { file: 'cat.PNG' }, false],
    ['suffix ignoring case', { detail: { file: [{ suffix: { 'equals-ignore-case': '.png' } }] } }, { file: 'cat.PNG' }, true],
    ['suffix ignoring case, no match', { detail: { file: [{ suffix: { 'equals-ignore-case': '.png' } }] } }, { file: 'cat.jpg' }, false],
    ['suffix never matches booleans', { detail: { b: [{ suffix: 'ue' }] } }, { b: true }, false],
    ['one of several matchers', { detail: { file: [{ suffix: '.jpg' }, { prefix: 'cat' }, 'dog'] } }, { file: 'cat.png' }, true],
  ]);
});

describe('equals-ignore-case', () => {
  table([
    ['same letters, other case', { detail: { name: [{ 'equals-ignore-case': 'alice' }] } }, { name: 'ALICE' }, true],
    ['not a prefix match', { detail: { name: [{ 'equals-ignore-case': 'alice' }] } }, { name: 'Alicia' }, false],
    ['only strings', { detail: { name: [{ 'equals-ignore-case': 'null' }] } }, { name: null }, false],
  ]);
});

describe('anything-but', () => {
  table([
    ['a string', { detail: { state: [{ 'anything-but': 'initializing' }] } }, { state: 'running' }, true],
    ['the excluded string', { detail: { state: [{ 'anything-but': 'initializing' }] } }, { state: 'initializing' }, false],
    ['a number', { detail: { n: [{ 'anything-but': 123 }] } }, { n: 124 }, true],
    ['the excluded number', { detail: { n: [{ 'anything-but': 123 }] } }, { n: 123 }, false],
    ['a list of strings', { detail: { s: [{ 'anything-but': ['stopped', 'overloaded'] }] } }, { s: 'running' }, true],
    ['a value in the list', { detail: { s: [{ 'anything-but': ['stopped', 'overloaded'] }] } }, { s: 'stopped' }, false],
    ['a list of numbers', { detail: { n: [{ 'anything-but': [100, 200, 300] }] } }, { n: 200 }, false],
    ['another type is not excluded', { detail: { n: [{ 'anything-but': [100, 200] }] } }, { n: '100' }, true],
    ['null is not excluded', { detail: { s: [{ 'anything-but': 'x' }] } }, { s: null }, true],
    ['never matches a missing field', { detail: { s: [{ 'anything-but': 'x' }] } }, {}, false],
    ['never matches an empty array', { detail: { s: [{ 'anything-but': 'x' }] } }, { s: [] }, false],
    ['event array with another element', { detail: { s: [{ 'anything-but': 'a' }] } }, { s: ['a', 'b'] }, true],
    ['event array of only excluded values', { detail: { s: [{ 'anything-but': ['a', 'b'] }] } }, { s: ['a', 'b'] }, false],
    ['prefix', { detail: { region: [{ 'anything-but': { prefix: 'us-' } }] } }, { region: 'eu-north-1' }, true],
    ['prefix, excluded', { detail: { region: [{ 'anything-but': { prefix: 'us-' } }] } }, { region: 'us-east-1' }, false],
    ['prefix, a number is not excluded', { detail: { n: [{ 'anything-but': { prefix: '1' } }] } }, { n: 12 }, true],
    ['suffix', { detail: { file: [{ 'anything-but': { suffix: '.png' } }] } }, { file: 'a.jpg' }, true],
    ['suffix, excluded', { detail: { file: [{ 'anything-but': { suffix: '.png' } }] } }, { file: 'a.png' }, false],
    ['ignoring case', { detail: { s: [{ 'anything-but': { 'equals-ignore-case': 'Stopped' } }] } }, { s: 'running' }, true],
    ['ignoring case, excluded', { detail: { s: [{ 'anything-but': { 'equals-ignore-case': 'Stopped' } }] } }, { s: 'STOPPED' }, false],
    [
      'ignoring case, list',
      { detail: { s: [{ 'anything-but': { 'equals-ignore-case': ['a', 'B'] } }] } },
      { s: 'b' },
      false,
    ],
    ['wildcard', { detail: { path: [{ 'anything-but': { wildcard: '*/lib/*' } }] } }, { path: '/usr/bin/x' }, true],
    ['wildcard, excluded', { detail: { path: [{ 'anything-but': { wildcard: '*/lib/*' } }] } }, { path: '/usr/lib/x' }, false],
    [
      'wildcard list',
      { detail: { path: [{ 'anything-but': { wildcard: ['*/lib/*', '*/bin/*'] } }] } },
      { path: '/usr/bin/x' },
      false,
    ],
  ]);
});

describe('numeric', () => {
  table([
    ['greater than', { detail: { n: [{ numeric: ['>', 0] }] } }, { n: 1 }, true],
    ['greater than, equal', { detail: { n: [{ numeric: ['>', 0] }] } }, { n: 0 }, false],
    ['at least, equal', { detail: { n: [{ numeric: ['>=', 0] }] } }, { n: 0 }, true],
    ['less than', { detail: { n: [{ numeric: ['<', 10] }] } }, { n: 9.999 }, true],
    ['less than, equal', { detail: { n: [{ numeric: ['<', 10] }] } }, { n: 10 }, false],
    ['at most, equal', { detail: { n: [{ numeric: ['<=', 10] }] } }, { n: 10 }, true],
    ['equals', { detail: { n: [{ numeric: ['=', 3.018e2] }] } }, { n: 301.8 }, true],
    ['equals, other', { detail: { n: [{ numeric: ['=', 300] }] } }, { n: 301 }, false],
    ['range, inside', { detail: { n: [{ numeric: ['>', 0, '<=', 5] }] } }, { n: 5 }, true],
    ['range, lower edge excluded', { detail: { n: [{ numeric: ['>', 0, '<=', 5] }] } }, { n: 0 }, false],
    ['range, above', { detail: { n: [{ numeric: ['>', 0, '<=', 5] }] } }, { n: 5.000001 }, false],
    ['range, closed lower edge', { detail: { n: [{ numeric: ['>=', -1, '<', 1] }] } }, { n: -1 }, true],
    ['negative numbers', { detail: { n: [{ numeric: ['<', -10] }] } }, { n: -11 }, true],
    ['only JSON numbers', { detail: { n: [{ numeric: ['>', 0] }] } }, { n: '5' }, false],
    ['missing field', { detail: { n: [{ numeric: ['>', 0] }] } }, {}, false],
    ['null', { detail: { n: [{ numeric: ['>', -1] }] } }, { n: null }, false],
  ]);
});

describe('exists', () => {
  table([
    ['exists true, present', { detail: { c: [{ exists: true }] } }, { c: 1 }, true],
    ['exists true, null is a value', { detail: { c: [{ exists: true }] } }, { c: null }, true],
    ['exists true, empty string is a value', { detail: { c: [{ exists: true }] } }, { c: '' }, true],
    ['exists true, missing', { detail: { c: [{ exists: true }] } }, {}, false],
    ['exists true, empty array', { detail: { c: [{ exists: true }] } }, { c: [] }, false],
    ['exists true, object is not a leaf', { detail: { c: [{ exists: true }] } }, { c: { c1: 100 } }, false],
    ['exists false, missing', { detail: { c: [{ exists: false }] } }, { other: 1 }, true],
    ['exists false, present', { detail: { c: [{ exists: false }] } }, { c: 0 }, false],
    ['exists false, object is not a leaf', { detail: { c: [{ exists: false }] } }, { c: { c1: 100 } }, true],
    ['exists false, parent missing', { detail: { a: { c: [{ exists: false }] } } }, {}, true],
    ['exists false, whole detail missing', { nothing: { here: [{ exists: false }] } }, {}, true],
    ['exists false with another field', { source: ['support-ledger'], detail: { c: [{ exists: false }] } }, {}, true],
    ['exists false or a value: value', { detail: { c: [{ exists: false }, 'x'] } }, { c: 'x' }, true],
    ['exists false or a value: missing', { detail: { c: [{ exists: false }, 'x'] } }, {}, true],
    ['exists false or a value: other value', { detail: { c: [{ exists: false }, 'x'] } }, { c: 'y' }, false],
    [
      'exists false inside an array element',
      { detail: { items: { sku: ['B'], gift: [{ exists: false }] } } },
      { items: [{ sku: 'A' }, { sku: 'B', gift: true }] },
      false,
    ],
  ]);
});

describe('wildcard', () => {
  table([
    ['star in the middle', { detail: { s: [{ wildcard: 'Simple*Service' }] } }, { s: 'SimpleQueueService' }, true],
    ['star matches nothing', { detail: { s: [{ wildcard: 'Simple*Service' }] } }, { s: 'SimpleService' }, true],
    ['anchored at both ends', { detail: { s: [{ wildcard: 'Simple*Service' }] } }, { s: 'ASimpleQueueServices' }, false],
    ['several stars', { detail: { s: [{ wildcard: '*/lib/*.js' }] } }, { s: '/usr/lib/x/y.js' }, true],
    ['only a star', { detail: { s: [{ wildcard: '*' }] } }, { s: '' }, true],
    ['no star is an exact match', { detail: { s: [{ wildcard: 'abc' }] } }, { s: 'abcd' }, false],
    ['escaped star is literal', { detail: { s: [{ wildcard: 'a\\*b' }] } }, { s: 'a*b' }, true],
    ['escaped star is not a wildcard', { detail: { s: [{ wildcard: 'a\\*b' }] } }, { s: 'axb' }, false],
    ['escaped backslash', { detail: { s: [{ wildcard: 'a\\\\*' }] } }, { s: 'a\\bc' }, true],
    ['regex characters are literal', { detail: { s: [{ wildcard: 'a.c(*)' }] } }, { s: 'a.c(x)' }, true],
    ['regex characters are literal, no match', { detail: { s: [{ wildcard: 'a.c*' }] } }, { s: 'abc' }, false],
    ['star crosses newlines', { detail: { s: [{ wildcard: 'a*b' }] } }, { s: 'a\nb' }, true],
    ['only strings', { detail: { s: [{ wildcard: '*' }] } }, { s: 5 }, false],
  ]);
});

describe('cidr', () => {
  table([
    ['inside /24', { detail: { ip: [{ cidr: '10.0.0.0/24' }] } }, { ip: '10.0.0.255' }, true],
    ['outside /24', { detail: { ip: [{ cidr: '10.0.0.0/24' }] } }, { ip: '10.0.1.0' }, false],
    ['inside /8', { detail: { ip: [{ cidr: '10.0.0.0/8' }] } }, { ip: '10.200.3.4' }, true],
    ['/32', { detail: { ip: [{ cidr: '192.168.1.7/32' }] } }, { ip: '192.168.1.7' }, true],
    ['/32, neighbour', { detail: { ip: [{ cidr: '192.168.1.7/32' }] } }, { ip: '192.168.1.8' }, false],
    ['/0 holds every IPv4 address', { detail: { ip: [{ cidr: '0.0.0.0/0' }] } }, { ip: '8.8.8.8' }, true],
    ['not an address', { detail: { ip: [{ cidr: '10.0.0.0/8' }] } }, { ip: '10.0.0.x' }, false],
    ['IPv6', { detail: { ip: [{ cidr: '2001:db8::/32' }] } }, { ip: '2001:db8:1::5' }, true],
    ['IPv6, outside', { detail: { ip: [{ cidr: '2001:db8::/32' }] } }, { ip: '2001:db9::5' }, false],
    ['any of an array of addresses', { detail: { ip: [{ cidr: '10.0.0.0/8' }] } }, { ip: ['1.1.1.1', '10.9.9.9'] }, true],
  ]);
});

describe('$or', () => {
  const orPattern = {
    source: ['support-ledger'],
    $or: [{ 'detail-type': ['TicketOpened'] }, { detail: { priority: ['P1'] } }],
  };
  table([
    ['neither alternative', orPattern, { priority: 'P3' }, false],
    ['second alternative', orPattern, { priority: 'P1' }, true],
    [
      'first alternative true',
      { $or: [{ 'detail-type': ['ContractCreated'] }, { detail: { priority: ['P1'] } }] },
      {},
      true,
    ],
    ['still ANDed with the other fields', { source: ['x'], $or: orPattern.$or }, { priority: 'P1' }, false],
    [
      'an alternative with several fields needs all of them',
      { $or: [{ detail: { a: ['1'], b: ['2'] } }, { detail: { c: ['3'] } }] },
      { a: '1', b: 'x' },
      false,
    ],
    [
      'nested $or',
      {
        $or: [
          { detail: { a: ['1'] } },
          { detail: { b: ['2'] }, $or: [{ detail: { c: ['3'] } }, { detail: { d: [{ numeric: ['>', 4] }] } }] },
        ],
      },
      { b: '2', d: 5 },
      true,
    ],
    [
      'nested $or, inner fails',
      {
        $or: [
          { detail: { a: ['1'] } },
          { detail: { b: ['2'] }, $or: [{ detail: { c: ['3'] } }, { detail: { d: [{ numeric: ['>', 4] }] } }] },
        ],
      },
      { b: '2', d: 4 },
      false,
    ],
    [
      '$or inside detail',
      { detail: { $or: [{ x: ['1'] }, { y: [{ exists: true }] }] } },
      { y: null },
      true,
    ],
    [
      'two parallel $or',
      {
        $or: [{ source: ['support-ledger'] }, { source: ['other'] }],
        detail: { $or: [{ x: ['1'] }, { y: ['2'] }] },
      },
      { x: '0', y: '0' },
      false,
    ],
  ]);
});

describe('validatePattern', () => {
  it.each<[string, unknown, RegExp]>([
    ['a non-object pattern', ['source'], /must be a JSON object/],
    ['null', null, /must be a JSON object/],
    ['an empty pattern', {}, /empty object/],
    ['an empty array', { source: [] }, /source: empty arrays/],
    ['a bare string value', { source: 'support-ledger' }, /source: must be an object or an array/],
    ['a nested array', { source: [['a']] }, /nested arrays/],
    ['an unknown operator', { detail: { s: [{ prefx: 'a' }] } }, /detail\.s\[0\]: unknown operator "prefx"/],
    ['two operators in one object', { s: [{ prefix: 'a', suffix: 'b' }] }, /exactly one operator/],
    ['an empty operator object', { s: [{}] }, /exactly one operator, got 0/],
    ['a numeric prefix', { s: [{ prefix: 5 }] }, /prefix takes a string/],
    ['prefix with another nested operator', { s: [{ prefix: { wildcard: 'a' } }] }, /prefix takes/],
    ['a numeric suffix', { s: [{ suffix: 5 }] }, /suffix takes a string/],
    ['exists with a string', { s: [{ exists: 'true' }] }, /exists takes true or false/],
    ['exists on an intermediate node', { detail: { exists: false } }, /detail\.exists: must be an object or an array/],
    ['equals-ignore-case with a number', { s: [{ 'equals-ignore-case': 1 }] }, /equals-ignore-case takes a string/],
    ['consecutive wildcards', { s: [{ wildcard: 'a**b' }] }, /consecutive/],
    ['a bad escape in a wildcard', { s: [{ wildcard: 'a\\b' }] }, /backslash/],
    ['a trailing backslash in a wildcard', { s: [{ wildcard: 'a\\' }] }, /backslash/],
    ['a non-array numeric', { s: [{ numeric: 5 }] }, /numeric takes/],
    ['an unknown numeric operator', { s: [{ numeric: ['!=', 5] }] }, /unknown numeric operator/],
    ['a numeric without a number', { s: [{ numeric: ['>', '5'] }] }, /needs a number/],
    ['three numeric terms', { s: [{ numeric: ['>', 1, '<'] }] }, /one or two comparisons/],
    ['a range upper bound first', { s: [{ numeric: ['<', 5, '>', 1] }] }, /starts with > or >=/],
    ['a range with = ', { s: [{ numeric: ['=', 1, '<', 5] }] }, /starts with > or >=/],
    ['a range with two lower bounds', { s: [{ numeric: ['>', 1, '>=', 5] }] }, /ends with < or <=/],
    ['a range bottom above top', { s: [{ numeric: ['>', 5, '<', 1] }] }, /less than top/],
    ['an empty range', { s: [{ numeric: ['>=', 5, '<=', 5] }] }, /less than top/],
    ['a bad cidr', { s: [{ cidr: '10.0.0.0/33' }] }, /not an IP address range/],
    ['a cidr that is not an address', { s: [{ cidr: 'localhost/8' }] }, /not an IP address range/],
    ['a numeric cidr', { s: [{ cidr: 10 }] }, /cidr takes a string/],
    ['anything-but with mixed list', { s: [{ 'anything-but': ['a', 1] }] }, /only strings or only numbers/],
    ['anything-but with an empty list', { s: [{ 'anything-but': [] }] }, /empty arrays/],
    ['anything-but with a boolean', { s: [{ 'anything-but': true }] }, /anything-but takes/],
    ['anything-but with null', { s: [{ 'anything-but': null }] }, /anything-but takes/],
    ['anything-but numeric', { s: [{ 'anything-but': { numeric: ['>', 1] } }] }, /anything-but takes one of/],
    ['anything-but exists', { s: [{ 'anything-but': { exists: true } }] }, /anything-but takes one of/],
    ['anything-but prefix list', { s: [{ 'anything-but': { prefix: ['a'] } }] }, /prefix takes a string/],
    ['anything-but bad wildcard', { s: [{ 'anything-but': { wildcard: 'a**' } }] }, /consecutive/],
    ['$or with one alternative', { $or: [{ a: ['1'] }] }, /at least two sub-patterns/],
    ['an invalid $or alternative', { $or: [{ a: ['1'] }, { b: [] }] }, /\$or\[1\]\.b: empty arrays/],
    ['an empty nested object', { detail: {} }, /detail: an empty object/],
  ])('rejects %s', (_description, pattern, message) => {
    const errors = validatePattern(pattern);
    expect(errors.join('\n')).toMatch(message);
  });

  it('lists every problem, not just the first', () => {
    expect(validatePattern({ a: [], b: [{ nope: 1 }], c: { d: 'x' } })).toHaveLength(3);
  });

  it('accepts every documented operator form', () => {
    const pattern = {
      source: ['support-ledger', null, 5, true],
      detail: {
        a: [{ prefix: 'x' }, { prefix: { 'equals-ignore-case': 'x' } }],
        b: [{ suffix: 'x' }, { suffix: { 'equals-ignore-case': 'x' } }],
        c: [{ 'anything-but': 'x' }, { 'anything-but': 1 }, { 'anything-but': ['x', 'y'] }, { 'anything-but': [1, 2] }],
        d: [{ 'anything-but': { prefix: 'x' } }, { 'anything-but': { suffix: 'x' } }],
        e: [{ 'anything-but': { wildcard: 'x*' } }, { 'anything-but': { 'equals-ignore-case': ['x'] } }],
        f: [{ numeric: ['=', 1] }, { numeric: ['>=', 0, '<', 1] }],
        g: [{ exists: true }, { exists: false }],
        h: [{ 'equals-ignore-case': 'x' }, { wildcard: 'a\\*b\\\\c*' }],
        i: [{ cidr: '10.0.0.0/8' }, { cidr: '2001:db8::/32' }, { cidr: '10.1.1.1' }],
      },
      $or: [{ x: ['1'] }, { y: ['2'], $or: [{ z: ['3'] }, { w: ['4'] }] }],
    };
    expect(validatePattern(pattern)).toEqual([]);
  });

  it('matchesPattern refuses an invalid pattern with all its errors', () => {
    expect(() => matchesPattern({ source: [] }, event({}))).toThrow(InvalidEventPatternError);
    try {
      matchesPattern({ a: [], b: [{ x: 1 }] }, event({}));
    } catch (error) {
      expect((error as InvalidEventPatternError).errors).toHaveLength(2);
    }
  });
});

describe('the bus rules declared in the topology', () => {
  const busTriggers = Object.entries(functions).flatMap(([name, definition]) =>
    definition.triggers.flatMap((trigger) => (trigger.kind === 'bus' ? [{ name, trigger }] : [])),
  );

  it('declares at least one bus rule', () => {
    expect(busTriggers.length).toBeGreaterThan(0);
  });

  it.each(busTriggers)('$name / $trigger.rule is a valid pattern', ({ trigger }) => {
    expect(validatePattern(trigger.pattern)).toEqual([]);
  });

  it.each(busTriggers)('$name / $trigger.rule matches its integration events only', ({ trigger }) => {
    const detailTypes: unknown = (trigger.pattern as Record<string, unknown>)['detail-type'];
    expect(Array.isArray(detailTypes)).toBe(true);
    for (const detailType of detailTypes as readonly string[]) {
      const integrationEvent = event({}, { source: INTEGRATION_SOURCE, 'detail-type': detailType });
      expect(matchesPattern(trigger.pattern, integrationEvent)).toBe(true);
      expect(matchesPattern(trigger.pattern, { ...integrationEvent, source: 'aws.events' })).toBe(false);
    }
    const unrelated = event({}, { source: INTEGRATION_SOURCE, 'detail-type': 'SomethingElseHappened' });
    expect(matchesPattern(trigger.pattern, unrelated)).toBe(false);
  });
});
