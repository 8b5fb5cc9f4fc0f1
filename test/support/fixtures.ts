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

export const contractCreated = (contractId: string, overrides: Record<string, unknown> = {}): NewEvent => ({
  type: 'ContractCreated',
  payload: {
    contractId,
    customer: { name: 'Ada Customer', email: `ada+${contractId.toLowerCase()}@example.com`, locale: 'en' },
    planId: 'gold',
    timeZone: 'Europe/Stockholm',
    startsOn: '2026-01-01',
    endsOn: '2027-01-01',
    endsAt: '2026-12-31T23:00:00.000Z',
    termMonths: 12,
    ...overrides,
  },
});

export const contractExpired = (contractId: string): NewEvent => ({
  type: 'ContractExpired',
  payload: { contractId, expiredAt: '2026-12-31T23:00:00.000Z' },
});

export const uniqueStream = (category = 'contract') => `${category}#${randomUUID()}`;
