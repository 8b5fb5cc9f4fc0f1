import { describe, expect, it } from 'vitest';
import { claimList } from '../../functions/http/auth';
import { stableStringify } from '../../functions/http/stable-json';
import { assertWritable, itemSize, MAX_TRANSACTION_BYTES } from '../../functions/store/limits';

describe('claims as API Gateway passes them', () => {
  it.each([
    ['[admin agent-l1]', ['admin', 'agent-l1']],
    ['["admin","billing"]', ['admin', 'billing']],
    ['admin', ['admin']],
    ['', []],
    [['dpo'], ['dpo']],
    [undefined, []],
  ])('%j → %j', (claim, roles) => expect(claimList(claim)).toEqual(roles));
});

describe('stable JSON', () => {
  it('gives equal text for equal values whatever the key order', () => {
    expect(stableStringify({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(stableStringify({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
    expect(stableStringify({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});

describe('DynamoDB write limits', () => {
  it('counts attribute names and values as DynamoDB does', () => {
    expect(itemSize({ ab: { S: 'héllo' }, n: { N: '12345' } })).toBe(2 + 6 + 1 + 4);
  });

  it('refuses a transaction over 4 MB before sending it', () => {
    const item = { data: { S: 'x'.repeat(350 * 1024) } };
    expect(() => assertWritable(Array.from({ length: 12 }, () => item))).toThrow(`allows ${MAX_TRANSACTION_BYTES}`);
    expect(() => assertWritable(Array.from({ length: 11 }, () => item))).not.toThrow();
  });
});
