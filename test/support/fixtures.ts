import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../../events/catalog';
import type { EventMetadata } from '../../functions/store/event-store';

export const metadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  occurredAt: '2026-11-21T10:00:00.000Z',
  correlationId: randomUUID(),
  causationId: randomUUID(),
  actor: { kind: 'staff', id: 'staff-1', role: 'admin' },
  ...overrides,
});

/** A valid `ContractOrdered` (the first event of a contract stream): the store tests' everyday event. */
export const contractCreated = (contractId: string, overrides: Record<string, unknown> = {}): NewEvent => ({
  type: 'ContractOrdered',
  payload: {
    contractId,
    channel: 'staff',
    customer: { name: 'Ada Customer', email: `ada+${contractId.toLowerCase()}@example.com`, locale: 'en', timeZone: 'Europe/Stockholm' },
    regionId: 'americas',
    planId: 'gold',
    termMonths: 12,
    startsOn: '2026-01-01',
    licencePackages: 1,
    addOns: [],
    registeredPersons: [],
    quote: {
      lines: [
        {
          kind: 'plan',
          ref: 'gold',
          description: 'Gold, 12 months',
          quantity: 1,
          unitPrice: { amount: 250_000, currency: 'USD' },
          amount: { amount: 250_000, currency: 'USD' },
        },
      ],
      total: { amount: 250_000, currency: 'USD' },
    },
    ...overrides,
  },
});

/** The activation that follows `contractCreated`: a term from 2026-01-01 ending at `termEndsAt`. */
export const contractActivated = (contractId: string, overrides: Record<string, unknown> = {}): NewEvent => ({
  type: 'ContractActivated',
  payload: {
    contractId,
    termStartsOn: '2026-01-01',
    termEndsOn: '2027-01-01',
    termStartsAt: '2025-12-31T23:00:00.000Z',
    termEndsAt: '2026-12-31T23:00:00.000Z',
    ...overrides,
  },
});

export const contractExpired = (contractId: string): NewEvent => ({
  type: 'ContractExpired',
  payload: { contractId, expiredAt: '2026-12-31T23:00:00.000Z' },
});

export const uniqueStream = (category = 'contract') => `${category}#${randomUUID()}`;
