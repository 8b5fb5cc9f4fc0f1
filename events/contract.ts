import * as z from 'zod';
import { personal } from './sealed';

/** Locales customers can choose; e-mail templates exist per locale. */
export const Locale = z.enum(['en', 'fr', 'pl', 'de', 'sv']);
export type Locale = z.infer<typeof Locale>;

const isoDate = z.iso.date();
const isoInstant = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(64);
const contractId = z.string().min(1);

/**
 * Money in events: integer minor units and an ISO 4217 code. The catalog's `Money` (in `domain/`)
 * validates currencies fully; events only keep its shape, since `events` depends on nothing.
 */
export const MoneyPayload = z.object({ amount: z.int().min(0), currency: z.string().regex(/^[A-Z]{3}$/) });
export type MoneyPayload = z.infer<typeof MoneyPayload>;

/** One priced line of an order quote: the plan, an add-on, or registered persons beyond those included. */
export const QuoteLine = z.object({
  kind: z.enum(['plan', 'add-on', 'extra-person']),
  /** The plan or add-on id the line prices. */
  ref: id,
  description: z.string().min(1),
  quantity: z.int().min(0),
  unitPrice: MoneyPayload,
  amount: MoneyPayload,
});
export type QuoteLine = z.infer<typeof QuoteLine>;

/** One line of a reinstatement fee (see `domain/contract/late-renewal.ts`). */
export const FeeLinePayload = z.object({
  kind: z.enum(['back-support', 'penalty', 'minimum-fee']),
  description: z.string().min(1),
  quantity: z.int().min(0),
  unitPrice: MoneyPayload,
  amount: MoneyPayload,
});

export const OrderedAddOn = z.object({
  addOnId: id,
  quantity: z.int().min(1).optional(),
  /** What a by-size price counts (e.g. cameras). */
  size: z.int().min(1).optional(),
});
export type OrderedAddOn = z.infer<typeof OrderedAddOn>;

export const RegisteredPerson = z.object({
  personId: id,
  name: personal(z.string().min(1).max(200)),
  email: personal(z.email().max(254)),
});
export type RegisteredPerson = z.infer<typeof RegisteredPerson>;

/** A rental licence: its annual value (rent) and the catalog's main modules it includes. */
export const Licence = z.object({ annualValue: MoneyPayload, mainModules: z.array(id) });
export type Licence = z.infer<typeof Licence>;

/** A term: the first day and the end day as dates in the contract's zone, and the instants they begin. */
const term = {
  termStartsOn: isoDate,
  termEndsOn: isoDate,
  /** `termStartsOn` at 00:00 in the contract's zone. */
  termStartsAt: isoInstant,
  /** `termEndsOn` at 00:00 in the contract's zone: the term ends at this instant. */
  termEndsAt: isoInstant,
};

export const ContractOrdered = z.object({
  contractId,
  channel: z.enum(['website', 'staff']),
  customer: z.object({
    name: personal(z.string().min(1).max(200)),
    email: personal(z.email().max(254)),
    locale: Locale,
    /** IANA zone the contract's terms are computed in (canonical spelling). */
    timeZone: z.string().min(1),
    taxId: personal(z.string().min(1).max(64)).optional(),
    segment: id.optional(),
    /** Groups a customer's contracts for billing (the ledger); the first contract's id when not given. */
    customerId: id.optional(),
    /** ISO 3166-1 alpha-2: whose VAT applies (the region's country when not given). */
    country: z.string().regex(/^[A-Z]{2}$/).optional(),
  }),
  regionId: id,
  planId: id,
  termMonths: z.int().positive(),
  startsOn: isoDate,
  licencePackages: z.int().min(1),
  addOns: z.array(OrderedAddOn),
  registeredPersons: z.array(RegisteredPerson),
  /** Serial numbers of the devices the agreement covers; a fault report must name one of them (when any are given). */
  serialNumbers: z.array(z.string().min(1).max(64)).optional(),
  distributorId: z.string().min(1).optional(),
  /** The licence the agreement supports, where credit depends on it (annual rent, main modules). */
  licence: Licence.optional(),
  quote: z.object({ lines: z.array(QuoteLine), total: MoneyPayload }),
});
export type ContractOrdered = z.infer<typeof ContractOrdered>;

export const ContractActivated = z.object({ contractId, ...term });
export type ContractActivated = z.infer<typeof ContractActivated>;

/**
 * What an addition during the contract charges (absent: nothing): the add-on's price for the
 * started years left of the term (the whole term before activation), or a further person's price.
 */
const charge = z.array(QuoteLine).min(1).optional();
export const AddOnAdded = z.object({ contractId, ...OrderedAddOn.shape, charge });
export const AddOnRemoved = z.object({ contractId, addOnId: id });
export const RegisteredPersonAdded = z.object({ contractId, ...RegisteredPerson.shape, charge });
export const RegisteredPersonRemoved = z.object({ contractId, personId: id });
export const LicencePackagesChanged = z.object({ contractId, from: z.int().min(1), to: z.int().min(1) });
export const RenewalRequested = z.object({ contractId, channel: z.enum(['website', 'staff']) });
export const RenewalReminded = z.object({ contractId, offsetDays: z.int().min(1), termEndsOn: isoDate });
/**
 * Renewed on time or within the grace period: the next term and its price. `lines` itemizes what
 * the contract holds for the new term (plan, add-ons, further persons) when that is more than the
 * plan once; `price` is their total.
 */
export const ContractRenewed = z.object({ contractId, ...term, price: MoneyPayload, lines: z.array(QuoteLine).optional() });
/** The licence changed (a new rent or other modules): credit years opened from now on follow it. */
export const LicenceChanged = z.object({ contractId, licence: Licence });

/**
 * The customer's details were corrected (rectification): the fields given replace the ones on file.
 * The e-mail address is not among them: it names the data subject (see events/personal-fields.ts).
 */
export const CustomerDetailsCorrected = z.object({
  contractId,
  name: personal(z.string().min(1).max(200)).optional(),
  taxId: personal(z.string().min(1).max(64)).optional(),
  locale: Locale.optional(),
  /** Why, e.g. the privacy request it answers. */
  reason: personal(z.string().min(1).max(500)).optional(),
});

export const ContractExpired = z.object({
  contractId,
  expiredAt: isoInstant,
});
export type ContractExpired = z.infer<typeof ContractExpired>;

export const ContractLapsed = z.object({ contractId, lapsedAt: isoInstant });
/** Renewed after the grace period: the new term and the reinstatement fee's lines. */
export const ContractReinstated = z.object({ contractId, ...term, lines: z.array(FeeLinePayload), total: MoneyPayload });
/**
 * A payment towards the reactivation fee of the latest reinstatement: what was paid, the payer's
 * reference (a repeat of the same reference records nothing) and what is still owed after it.
 */
export const ReactivationFeePaid = z.object({
  contractId,
  paid: MoneyPayload,
  reference: z.string().min(1).max(100),
  outstanding: MoneyPayload,
});
export const ContractCancelled = z.object({ contractId, reason: personal(z.string().min(1).max(1000)) });
export const SystemReviewDue = z.object({ contractId, dueOn: isoDate });
