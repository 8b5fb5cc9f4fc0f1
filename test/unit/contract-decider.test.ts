import { describe, expect, it } from 'vitest';
import { qualisysCatalog } from '../../domain/catalog/presets/qualisys';
import { contractDecider } from '../../domain/contract/decider';
import type { CreateContract } from '../../domain/contract/commands';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import { spec } from '../support/decider-spec';
import type { NewEvent } from '../../events/catalog';

const given = spec(contractDecider, { now: '2025-06-01T00:00:00.000Z', catalog: qualisysCatalog });

const create = (overrides: Partial<CreateContract> = {}): CreateContract => ({
  type: 'CreateContract',
  contractId: 'C1',
  customer: { name: 'Ada', email: 'ada@example.com', locale: 'en' },
  planId: 'gold',
  startsOn: '2025-01-01',
  termMonths: 12,
  timeZone: 'Europe/Stockholm',
  ...overrides,
});

const prices: Record<string, number> = { gold: 250_000, platinum: 950_000 };

/** What CreateContract decides: the order (staff channel, default region) and its activation. */
const created = (o: { timeZone?: string; startsOn?: string; startsAt?: string; endsOn?: string; endsAt?: string; planId?: string; termMonths?: number; distributorId?: string } = {}): NewEvent[] => {
  const planId = o.planId ?? 'gold';
  const termMonths = o.termMonths ?? 12;
  const price = { amount: prices[planId]!, currency: 'USD' };
  const name = planId === 'gold' ? 'Gold' : 'Platinum';
  return [
    {
      type: 'ContractOrdered',
      payload: {
        contractId: 'C1',
        channel: 'staff',
        customer: { name: 'Ada', email: 'ada@example.com', locale: 'en', timeZone: o.timeZone ?? 'Europe/Stockholm', customerId: 'C1' },
        regionId: 'americas',
        planId,
        termMonths,
        startsOn: o.startsOn ?? '2025-01-01',
        licencePackages: 1,
        addOns: [],
        registeredPersons: [],
        ...(o.distributorId ? { distributorId: o.distributorId } : {}),
        quote: { lines: [{ kind: 'plan', ref: planId, description: `${name}, ${termMonths} months`, quantity: 1, unitPrice: price, amount: price }], total: price },
      },
    },
    {
      type: 'ContractActivated',
      payload: {
        contractId: 'C1',
        termStartsOn: o.startsOn ?? '2025-01-01',
        termEndsOn: o.endsOn ?? '2026-01-01',
        termStartsAt: o.startsAt ?? '2024-12-31T23:00:00.000Z',
        termEndsAt: o.endsAt ?? '2025-12-31T23:00:00.000Z',
      },
    },
  ];
};

describe('contract decider', () => {
  describe('CreateContract', () => {
    it('creates a contract whose term ends at 00:00 local time on the anniversary', () => {
      given([]).when(create()).then(created());
    });

    it('uses the catalog default zone when the order names none', () => {
      given([]).when(create({ timeZone: undefined })).then(created());
    });

    it('computes the term in the customer zone, across a DST change (New York, summer start)', () => {
      given([])
        .when(create({ timeZone: 'America/New_York', startsOn: '2025-07-01' }))
        .then(created({ timeZone: 'America/New_York', startsOn: '2025-07-01', startsAt: '2025-07-01T04:00:00.000Z', endsOn: '2026-07-01', endsAt: '2026-07-01T04:00:00.000Z' }));
    });

    it('ends a 12-month term from 29 February on 28 February (seed: qualisys-support-agreement.txt, 12-month terms)', () => {
      given([])
        .when(create({ startsOn: '2024-02-29' }))
        .then(created({ startsOn: '2024-02-29', startsAt: '2024-02-28T23:00:00.000Z', endsOn: '2025-02-28', endsAt: '2025-02-27T23:00:00.000Z' }));
    });

    it('sells Platinum for two years only (seed: qualisys-support-agreement.txt, "Platinum: 2 years")', () => {
      given([])
        .when(create({ planId: 'platinum', termMonths: 24 }))
        .then(created({ planId: 'platinum', termMonths: 24, endsOn: '2027-01-01', endsAt: '2026-12-31T23:00:00.000Z' }));
      given([]).when(create({ planId: 'platinum', termMonths: 12 })).thenFails((error) => {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).fields).toEqual([{ path: 'termMonths', message: 'Platinum is sold for 24 months.' }]);
      });
    });

    it('lists every wrong field at once: unknown plan, impossible date, unknown zone', () => {
      given([]).when(create({ planId: 'bronze', startsOn: '2025-02-30', timeZone: 'Mars/Olympus' })).thenFails((error) => {
        expect((error as ValidationError).fields.map((f) => f.path)).toEqual(['planId', 'startsOn', 'timeZone']);
      });
    });

    it('refuses start dates no contract can have (the term end must stay a four-digit year)', () => {
      given([]).when(create({ startsOn: '9999-01-01' })).thenFails((error) => {
        expect((error as ValidationError).fields).toEqual([{ path: 'startsOn', message: 'Choose a start date between 1970-01-01 and 2199-12-31.' }]);
      });
    });

    it('keeps the distributor serving the customer', () => {
      given([]).when(create({ distributorId: 'north' })).then(created({ distributorId: 'north' }));
    });

    it('refuses to create a contract twice', () => {
      given(created()).when(create()).thenThrows(ConflictError);
    });
  });

  describe('ExpireContract', () => {
    const expire = { type: 'ExpireContract' as const, contractId: 'C1' };

    it('expires a contract once its term has ended', () => {
      given(created())
        .when(expire, { now: '2025-12-31T23:00:00.000Z' })
        .then([{ type: 'ContractExpired', payload: { contractId: 'C1', expiredAt: '2025-12-31T23:00:00.000Z' } }]);
    });

    it('refuses while the term runs', () => {
      given(created()).when(expire, { now: '2025-12-31T22:59:59.999Z' }).thenThrows(/runs until/);
    });

    it('does nothing for an expired contract (sweeps may repeat)', () => {
      given([...created(), { type: 'ContractExpired', payload: { contractId: 'C1', expiredAt: '2025-12-31T23:00:00.000Z' } }])
        .when(expire, { now: '2026-02-01T00:00:00.000Z' })
        .then([]);
    });

    it('refuses an unknown contract', () => {
      given([]).when(expire).thenThrows(NotFoundError);
    });
  });
});
