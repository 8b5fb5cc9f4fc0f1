import * as z from 'zod';
import { Description, Id, Name, Precondition, PricePeriod } from './basics';
import { checkRefs, checkUnique, type Path } from './checks';
import { checkGrants, Grants } from './entitlements';
import { checkRegionalList, RegionalMoney } from './regions';
import type { Refs } from './refs';
import { SystemReview } from './registration';

const Prices = z.array(RegionalMoney).min(1, 'Give a price for at least one region.');

/** A size band: the price up to (and including) `upTo` units; `null` for every size above the last band. */
export const SizeBand = z.strictObject({ upTo: z.int().min(1).nullable(), prices: Prices });

/**
 * How an add-on is priced: included at no charge, a fixed price, by the size of what it covers
 * (e.g. per number of cameras), or quoted case by case.
 */
export const AddOnPricing = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('included') }),
  z.strictObject({ kind: z.literal('fixed'), per: PricePeriod, prices: Prices }),
  z.strictObject({
    kind: z.literal('by-size'),
    per: PricePeriod,
    /** What is counted, singular (`camera`). */
    unit: Name,
    bands: z.array(SizeBand).min(1, 'Give at least one size band.'),
  }),
  z.strictObject({ kind: z.literal('quoted') }),
]);
export type AddOnPricing = z.infer<typeof AddOnPricing>;

export const AddOn = z.strictObject({
  id: Id,
  name: Name,
  description: Description.optional(),
  /** The plans it can be added to; absent: every plan. */
  eligiblePlans: z.array(Id).min(1, 'Name at least one plan, or leave the list out for every plan.').optional(),
  /** Can be bought without any plan (e.g. a hardware warranty without software support). */
  standalone: z.boolean().default(false),
  /** Customer segments that must hold it (e.g. clinical customers). */
  mandatoryFor: z.array(Id).default([]),
  /** What must hold to buy or renew it (e.g. a current calibration trial). */
  requires: z.array(Precondition).default([]),
  pricing: AddOnPricing,
  /** Channels and services it adds to the plan's. */
  grants: Grants.default({ channels: [], services: [] }),
  /** Registered persons: how many the price includes, and what each further one costs. */
  seats: z
    .strictObject({
      included: z.int().min(1).max(1000),
      extra: z
        .strictObject({
          per: PricePeriod,
          prices: Prices,
          /** Each further person needs this add-on too (e.g. a half-fare subscription). */
          requiresAddOn: Id.optional(),
        })
        .optional(),
    })
    .optional(),
  /** More included support time, and activities the credit then also pays for. */
  credit: z
    .strictObject({
      extraMinutes: z.int().min(1).max(100_000),
      alsoCovers: z.array(Id).default([]),
    })
    .optional(),
  /** Its holders' requests go before all others. */
  priority: z.boolean().default(false),
  /** Sold only while fewer than `maxActive` are active. */
  capacity: z.strictObject({ maxActive: z.int().min(1).max(1_000_000) }).optional(),
  /** Who pays shipping of hardware under it. */
  shipping: z.strictObject({ paidBy: z.enum(['customer', 'vendor']) }).optional(),
  /** A loan of hardware: when it must come back, and what happens if it does not. */
  loan: z
    .strictObject({
      returnWithinDays: z.int().min(1).max(365),
      notReturned: z.literal('billed-at-list-price'),
    })
    .optional(),
  systemReview: SystemReview.optional(),
});
export type AddOn = z.infer<typeof AddOn>;

function checkPricing(pricing: AddOnPricing, at: Path, refs: Refs): void {
  if (pricing.kind === 'fixed') checkRegionalList(pricing.prices, [...at, 'prices'], refs);
  if (pricing.kind !== 'by-size') return;
  let previous = 0;
  pricing.bands.forEach((band, i) => {
    checkRegionalList(band.prices, [...at, 'bands', i, 'prices'], refs);
    if (band.upTo === null) {
      if (i !== pricing.bands.length - 1) refs.report([...at, 'bands', i, 'upTo'], 'Only the last band can be open-ended.');
    } else {
      if (band.upTo <= previous) refs.report([...at, 'bands', i, 'upTo'], `Bands must grow: ${band.upTo} is not above ${previous}.`);
      previous = band.upTo;
    }
  });
}

export function checkAddOn(addOn: AddOn, at: Path, refs: Refs, hasCredit: boolean): void {
  if (addOn.eligiblePlans) {
    checkRefs(addOn.eligiblePlans, refs.plans, [...at, 'eligiblePlans'], refs.report, 'plan');
    checkUnique(addOn.eligiblePlans, (p) => p, (i) => [...at, 'eligiblePlans', i], refs.report, 'plan');
  }
  checkRefs(addOn.mandatoryFor, refs.segments, [...at, 'mandatoryFor'], refs.report, 'customer segment');
  checkUnique(addOn.requires, (r) => r.id, (i) => [...at, 'requires', i, 'id'], refs.report, 'precondition');
  checkPricing(addOn.pricing, [...at, 'pricing'], refs);
  checkGrants(addOn.grants, [...at, 'grants'], refs);
  const extra = addOn.seats?.extra;
  if (extra) {
    checkRegionalList(extra.prices, [...at, 'seats', 'extra', 'prices'], refs);
    if (extra.requiresAddOn === addOn.id) refs.report([...at, 'seats', 'extra', 'requiresAddOn'], 'An add-on cannot require itself.');
    else if (extra.requiresAddOn && !refs.addOns.has(extra.requiresAddOn))
      refs.report([...at, 'seats', 'extra', 'requiresAddOn'], `Unknown add-on ${extra.requiresAddOn}.`);
  }
  if (addOn.credit) {
    if (!hasCredit) refs.report([...at, 'credit'], 'Extra credit needs the catalog to include support-time credit (`credit`).');
    checkRefs(addOn.credit.alsoCovers, refs.services, [...at, 'credit', 'alsoCovers'], refs.report, 'service');
  }
}
