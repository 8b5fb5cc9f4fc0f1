import type { DomainEvent } from '../../events/catalog';
import type { ContractOrdered, MoneyPayload } from '../../events/contract';
import type { Catalog } from '../catalog/schema/catalog';
import type { Due, Projection } from '../projection';
import { CONTRACT_CATEGORY } from './decider';
import { contractLookups } from './lookups';
import { lapseAt, nextReviewDue, pendingReminderOffsets, reminderAt, systemReviewOf } from './deadlines';
import type { ContractStatus } from './state';
import { dayStart } from './term';

/** The staff read model of one contract: the order as it now stands, its current term and its renewal pipeline. */
export interface ContractView extends ContractOrdered {
  status: ContractStatus;
  /** When the order was placed. */
  createdAt: string;
  /** The current term (the latest granted); absent until activated. */
  termStartsOn?: string;
  termEndsOn?: string;
  termStartsAt?: string;
  termEndsAt?: string;
  /** The start of the first term, from which system reviews count. */
  firstTermStartsOn?: string;
  /** Since when coverage has been unbroken (the first term's start, or the reinstated term's). */
  coveredSince?: string;
  /** Reminder offsets (days before the term ends) already sent for the current term. */
  remindedOffsets: number[];
  renewalRequestedAt?: string;
  lastRenewedAt?: string;
  reinstatedAt?: string;
  /** The fee of the latest reinstatement. */
  reinstatementTotal?: MoneyPayload;
  /** What is still owed of that fee; absent once paid. Until then the agreement covers nothing. */
  feeOutstanding?: MoneyPayload;
  /** When the latest payment towards that fee was recorded. */
  feeLastPaidAt?: string;
  expiredAt?: string;
  lapsedAt?: string;
  cancelledAt?: string;
  cancelReason?: string;
  /** System-review due dates announced. */
  systemReviewsDue: string[];
}

export const CONTRACT_EXPIRY = 'contract-expiry';
export const CONTRACT_LAPSE = 'contract-lapse';
export const RENEWAL_REMINDER = 'renewal-reminder';
export const SYSTEM_REVIEW = 'system-review';

const term = (p: { termStartsOn: string; termEndsOn: string; termStartsAt: string; termEndsAt: string }) => ({
  termStartsOn: p.termStartsOn,
  termEndsOn: p.termEndsOn,
  termStartsAt: p.termStartsAt,
  termEndsAt: p.termEndsAt,
});

export function evolveView(view: ContractView | undefined, event: DomainEvent): ContractView {
  if (event.type === 'ContractOrdered')
    return { ...event.payload, status: 'ordered', createdAt: event.occurredAt, remindedOffsets: [], systemReviewsDue: [] };
  if (!view) throw new Error(`${event.type} before ContractOrdered in ${event.streamId}`);
  switch (event.type) {
    case 'ContractActivated':
      return {
        ...view,
        ...term(event.payload),
        status: 'active',
        firstTermStartsOn: view.firstTermStartsOn ?? event.payload.termStartsOn,
        coveredSince: view.coveredSince ?? event.payload.termStartsAt,
        remindedOffsets: [],
      };
    case 'AddOnAdded': {
      // `charge` is for the ledger, not part of what the contract holds.
      const { contractId: _, charge: __, ...addOn } = event.payload;
      return { ...view, addOns: [...view.addOns, addOn] };
    }
    case 'AddOnRemoved':
      return { ...view, addOns: view.addOns.filter((a) => a.addOnId !== event.payload.addOnId) };
    case 'RegisteredPersonAdded': {
      const { contractId: _, charge: __, ...person } = event.payload;
      return { ...view, registeredPersons: [...view.registeredPersons, person] };
    }
    case 'RegisteredPersonRemoved':
      return { ...view, registeredPersons: view.registeredPersons.filter((p) => p.personId !== event.payload.personId) };
    case 'LicenceChanged':
      return { ...view, licence: event.payload.licence };
    case 'CustomerDetailsCorrected': {
      const { name, taxId, locale } = event.payload;
      return { ...view, customer: { ...view.customer, ...(name ? { name } : {}), ...(taxId ? { taxId } : {}), ...(locale ? { locale } : {}) } };
    }
    case 'LicencePackagesChanged':
      return { ...view, licencePackages: event.payload.to };
    case 'RenewalRequested':
      return { ...view, renewalRequestedAt: event.occurredAt };
    case 'RenewalReminded':
      return { ...view, remindedOffsets: [...view.remindedOffsets, event.payload.offsetDays] };
    case 'ContractRenewed': {
      const { renewalRequestedAt: _, ...rest } = view;
      return { ...rest, ...term(event.payload), status: 'active', lastRenewedAt: event.occurredAt, remindedOffsets: [] };
    }
    case 'ContractReinstated': {
      const { renewalRequestedAt: _, feeOutstanding: __, feeLastPaidAt: ___, ...rest } = view;
      return {
        ...rest,
        ...(event.payload.total.amount > 0 ? { feeOutstanding: event.payload.total } : {}),
        ...term(event.payload),
        status: 'active',
        lastRenewedAt: event.occurredAt,
        reinstatedAt: event.occurredAt,
        reinstatementTotal: event.payload.total,
        coveredSince: event.payload.termStartsAt,
        remindedOffsets: [],
      };
    }
    case 'ReactivationFeePaid': {
      const { feeOutstanding: _, ...rest } = view;
      const { outstanding } = event.payload;
      return { ...rest, ...(outstanding.amount > 0 ? { feeOutstanding: outstanding } : {}), feeLastPaidAt: event.occurredAt };
    }
    case 'ContractExpired':
      return { ...view, status: 'expired', expiredAt: event.payload.expiredAt };
    case 'ContractLapsed':
      return { ...view, status: 'lapsed', lapsedAt: event.payload.lapsedAt };
    case 'ContractCancelled':
      return { ...view, status: 'cancelled', cancelledAt: event.occurredAt, cancelReason: event.payload.reason };
    case 'SystemReviewDue':
      return { ...view, systemReviewsDue: [...view.systemReviewsDue, event.payload.dueOn] };
    default:
      return view;
  }
}

/** The next renewal reminder of the current term: the earliest pending offset (none before the latest one sent). */
export function nextReminder(view: ContractView, catalog: Catalog): { offsetDays: number; at: string } | undefined {
  if (view.status !== 'active' || !view.termEndsOn) return undefined;
  const zone = view.customer.timeZone;
  return pendingReminderOffsets(catalog.renewal.reminderDaysBefore, view.remindedOffsets)
    .map((offsetDays) => ({ offsetDays, at: reminderAt(view.termEndsOn!, offsetDays, zone) }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
}

/** What the sweepers must act on for a contract, with the catalog's renewal rule and reminder offsets. */
export function contractDue(view: ContractView, catalog: Catalog): Due[] {
  const zone = view.customer.timeZone;
  const due: Due[] = [];
  if (view.status === 'active' && view.termEndsAt) {
    due.push({ kind: CONTRACT_EXPIRY, at: view.termEndsAt });
    const reminder = nextReminder(view, catalog);
    if (reminder) due.push({ kind: RENEWAL_REMINDER, at: reminder.at });
    const review = systemReviewOf(catalog, view.planId, view.addOns);
    if (review && view.firstTermStartsOn)
      due.push({ kind: SYSTEM_REVIEW, at: dayStart(nextReviewDue(view.firstTermStartsOn, review.everyMonths, view.systemReviewsDue), zone) });
  }
  if (view.status === 'expired' && view.termEndsOn)
    due.push({ kind: CONTRACT_LAPSE, at: lapseAt(view.termEndsOn, catalog.renewal.late.graceDays, zone) });
  return due;
}

/** The contract read model for a catalog (its deadlines depend on the catalog's renewal rules). */
export const contractProjection = (catalog: Catalog): Projection<ContractView> => ({
  category: CONTRACT_CATEGORY,
  evolve: evolveView,
  due: (view) => contractDue(view, catalog),
  lookups: contractLookups,
});
