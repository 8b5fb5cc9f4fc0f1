import { describe, expect, it } from 'vitest';
import { contractLookups, customerPartition, monthsBetween, pipelineStage } from '../../domain/contract/lookups';
import type { ContractView } from '../../domain/contract/view';
import { subjectKeyRef } from '../../events/sealed';

/** The customer's subject, and their e-mail as the store seals it (the lookups read only its key reference). */
const SUBJECT = '0123456789abcdef0123456789abcdef';
const sealedEmail = `sealed:1:${subjectKeyRef(SUBJECT)}:aXYtYXQtcmVzdA:Y2lwaGVydGV4dA`;

const active: ContractView = {
  contractId: '01M7YJG0YP0A9FX004VZ2GA6YN',
  channel: 'staff',
  customer: { name: 'Ada', email: sealedEmail, locale: 'en', timeZone: 'Europe/Stockholm' },
  regionId: 'americas',
  planId: 'gold',
  termMonths: 12,
  startsOn: '2026-03-01',
  licencePackages: 1,
  addOns: [],
  registeredPersons: [],
  quote: { lines: [], total: { amount: 0, currency: 'USD' } },
  status: 'active',
  createdAt: '2026-02-01T10:00:00.000Z',
  termStartsOn: '2026-03-01',
  termEndsOn: '2027-03-01',
  termStartsAt: '2026-02-28T23:00:00.000Z',
  termEndsAt: '2027-02-28T23:00:00.000Z',
  remindedOffsets: [],
  systemReviewsDue: [],
};

describe('contract lookups', () => {
  it("files a contract under its customer's subject id, read from the sealed e-mail's key reference", () => {
    const [customer] = contractLookups(active);
    expect(customer).toEqual({ index: 'customer', partition: `customer#${SUBJECT}`, sort: `2027-02-28T23:00:00.000Z#${active.contractId}` });
    expect(customerPartition(SUBJECT)).toBe(customer.partition);
    expect(JSON.stringify(contractLookups(active))).not.toContain('sealed:');
  });

  it('files no customer entry for an e-mail in clear (the subject id needs the vault), nor under the address', () => {
    const clear: ContractView = { ...active, customer: { ...active.customer, email: 'Ada@Example.COM' } };
    expect(contractLookups(clear).map((l) => l.index)).toEqual(['term-end']);
    expect(JSON.stringify(contractLookups(clear)).toLowerCase()).not.toContain('example.com');
  });

  it('files the term end under its UTC month (not the customer zone\'s), while the contract has a term', () => {
    expect(contractLookups(active).find((l) => l.index === 'term-end')).toEqual({
      index: 'term-end',
      partition: 'term-end#2027-02',
      sort: `2027-02-28T23:00:00.000Z#${active.contractId}`,
    });
    const ordered: ContractView = { ...active, status: 'ordered', termEndsAt: undefined, termEndsOn: undefined };
    expect(contractLookups(ordered).map((l) => l.index)).toEqual(['customer']);
    expect(contractLookups(ordered)[0].sort).toBe(`2026-02-28T23:00:00.000Z#${active.contractId}`);
    expect(contractLookups({ ...active, status: 'cancelled' }).map((l) => l.index)).toEqual(['customer']);
    expect(contractLookups({ ...active, status: 'expired' }).map((l) => l.index)).toEqual(['customer', 'term-end']);
  });

  it('derives the renewal pipeline stage from the view', () => {
    expect(pipelineStage(active)).toBeUndefined();
    expect(pipelineStage({ ...active, remindedOffsets: [60] })).toBe('reminded');
    expect(pipelineStage({ ...active, remindedOffsets: [60], renewalRequestedAt: '2027-01-01T00:00:00Z' })).toBe('requested');
    expect(pipelineStage({ ...active, status: 'expired', renewalRequestedAt: '2027-01-01T00:00:00Z' })).toBe('requested');
    expect(pipelineStage({ ...active, lastRenewedAt: '2026-02-20T00:00:00Z' })).toBe('renewed');
    expect(pipelineStage({ ...active, lastRenewedAt: '2026-02-20T00:00:00Z', remindedOffsets: [30] })).toBe('reminded');
    expect(pipelineStage({ ...active, status: 'lapsed' })).toBe('lapsed');
    expect(pipelineStage({ ...active, status: 'expired' })).toBeUndefined();
    expect(pipelineStage({ ...active, status: 'cancelled', renewalRequestedAt: '2027-01-01T00:00:00Z' })).toBeUndefined();
    expect(contractLookups({ ...active, status: 'lapsed' }).at(-1)).toEqual({
      index: 'pipeline',
      partition: 'pipeline#lapsed',
      sort: `2027-02-28T23:00:00.000Z#${active.contractId}`,
    });
  });

  it('lists the UTC months of a range, across a year end', () => {
    expect(monthsBetween('2026-11-30T23:00:00Z', '2027-02-01T00:00:00+01:00')).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(monthsBetween('2026-01-31T23:59:59Z', '2026-01-31T23:59:59.999Z')).toEqual(['2026-01']);
    expect(monthsBetween('2026-01-31T10:00:00Z', '2027-01-31T10:00:00Z')).toHaveLength(13);
  });
});
