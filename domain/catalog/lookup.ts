import type { Money } from './money';
import type { AddOn, Catalog, CreditScope, Named, Plan, PlanPrice, Region, ServiceWindow } from './schema/index';
import { joinOr } from './schema/checks';

/** Lookups in a loaded catalog: pure, no I/O, no clock. */

export const findPlan = (catalog: Catalog, planId: string): Plan | undefined => catalog.plans.find((p) => p.id === planId);

export const findAddOn = (catalog: Catalog, addOnId: string): AddOn | undefined => catalog.addOns.find((a) => a.id === addOnId);

export const findRegion = (catalog: Catalog, regionId: string): Region | undefined => catalog.regions.find((r) => r.id === regionId);

export const findService = (catalog: Catalog, serviceId: string): Named | undefined => catalog.services.find((s) => s.id === serviceId);

export const findServiceWindow = (catalog: Catalog, windowId: string): ServiceWindow | undefined =>
  catalog.serviceWindows.find((w) => w.id === windowId);

/** The list price of a plan for a region and term, if the catalog has one. */
export const planPrice = (catalog: Catalog, planId: string, regionId: string, termMonths: number): PlanPrice | undefined =>
  findPlan(catalog, planId)?.prices.find((p) => p.region === regionId && p.termMonths === termMonths);

export type Eligibility = { eligible: true } | { eligible: false; reason: string };

/**
 * Whether an add-on can be added to a contract on `planId` (or bought with no plan, when
 * `planId` is undefined), with a reason a person understands when it cannot.
 */
export function addOnEligibility(catalog: Catalog, addOnId: string, planId: string | undefined): Eligibility {
  const addOn = findAddOn(catalog, addOnId);
  if (!addOn) return { eligible: false, reason: `There is no add-on ${addOnId}.` };
  const eligible = addOn.eligiblePlans ?? catalog.plans.map((p) => p.id);
  const names = eligible.map((id) => findPlan(catalog, id)?.name ?? id);
  if (planId === undefined)
    return addOn.standalone ? { eligible: true } : { eligible: false, reason: `${addOn.name} needs a ${joinOr(names)} agreement.` };
  if (!findPlan(catalog, planId)) return { eligible: false, reason: `There is no plan ${planId}.` };
  return eligible.includes(planId) ? { eligible: true } : { eligible: false, reason: `${addOn.name} needs ${joinOr(names)}.` };
}

/** The add-ons a customer segment must hold (e.g. clinical customers: the clinical programme). */
export const mandatoryAddOns = (catalog: Catalog, segmentId: string): AddOn[] =>
  catalog.addOns.filter((a) => a.mandatoryFor.includes(segmentId));

/** The credit-table scope of a licence holding `mainModules` of the catalog's main modules. */
export function creditScope(catalog: Catalog, mainModules: number): CreditScope | undefined {
  const scopes = catalog.credit?.scopes.filter((s) => s.minMainModules <= mainModules) ?? [];
  return scopes.reduce<CreditScope | undefined>((best, s) => (best && best.minMainModules >= s.minMainModules ? best : s), undefined);
}

/**
 * Minutes of support time included per contract year for a plan and scope, given the contract's
 * annual value in its region (below the region's minimum there is no credit). Add-on minutes
 * (e.g. Support+) come on top and are not counted here.
 */
export function includedCreditMinutes(catalog: Catalog, planId: string, scopeId: string, annualValue: Money & { region: string }): number {
  const credit = catalog.credit;
  if (!credit) return 0;
  const minimum = credit.minimumAnnualValue.find((m) => m.region === annualValue.region);
  if (minimum) {
    if (minimum.currency !== annualValue.currency)
      throw new Error(`annual value in ${annualValue.currency}, but region ${annualValue.region} is priced in ${minimum.currency}`);
    if (annualValue.amount < minimum.amount) return 0;
  }
  return allowanceMinutes(catalog, planId, scopeId);
}

/** The credit table's minutes for a plan and module scope, whatever the annual value (0 without a row). */
export const allowanceMinutes = (catalog: Catalog, planId: string, scopeId: string): number =>
  catalog.credit?.allowances.find((a) => a.plan === planId && a.scope === scopeId)?.minutes ?? 0;

/**
 * The hourly rate for a billable service in a region: the reduced rate when the customer holds
 * the add-on that reduces it (e.g. a half-fare subscription), the full rate otherwise.
 */
export function hourlyRate(
  catalog: Catalog,
  serviceId: string,
  regionId: string,
  heldAddOns: readonly string[] = [],
): { perHour: Money; reducedBy?: string } | undefined {
  const rate = catalog.billing?.rates.find((r) => r.service === serviceId && r.region === regionId);
  if (!rate) return undefined;
  if (rate.reduced && heldAddOns.includes(rate.reduced.withAddOn)) return { perHour: rate.reduced.perHour, reducedBy: rate.reduced.withAddOn };
  return { perHour: rate.perHour };
}
