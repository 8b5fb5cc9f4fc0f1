import * as z from 'zod';
import { Amount, Currency } from '../money';
import { Description, Id, Name, Precondition, Provider, TermMonths } from './basics';
import { checkRefs, checkUnique, type Path } from './checks';
import { checkEntitlements, Entitlements } from './entitlements';
import { checkRegionalMoney } from './regions';
import type { Refs } from './refs';
import { checkRegistration, CustomerFact, Registration, Rma, SystemReview } from './registration';
import { checkPlanSla, PlanSla } from './sla';

/** A list price: net, for one region and one term length, in the region's currency. */
export const PlanPrice = z.strictObject({ region: Id, termMonths: TermMonths, amount: Amount, currency: Currency });
export type PlanPrice = z.infer<typeof PlanPrice>;

/**
 * A plan a customer can hold: a tier (Gold), a variant (profi) or one combination of options
 * (SOS, 24x7, next business day). Everything a contract is entitled to follows from its plan and
 * its add-ons.
 */
export const Plan = z.strictObject({
  id: Id,
  name: Name,
  description: Description.optional(),
  /** Who provides it (and, for a distributor or support partner, sets its price). */
  provider: Provider.default('vendor'),
  /** Every customer must hold it (e.g. software maintenance). */
  obligatory: z.boolean().default(false),
  /** The term lengths, in months, this plan can be bought for. */
  termsMonths: z.array(TermMonths).min(1, 'Sell the plan for at least one term.'),
  /** What one price is for: the whole agreement, or each licence package the customer holds. */
  pricePer: z.enum(['agreement', 'licence-package']).default('agreement'),
  /** List prices per region and term. Empty when the catalog has none (set by the provider, or part of a licence's rent). */
  prices: z.array(PlanPrice).default([]),
  /** What must hold to buy, renew or use the plan. */
  requires: z.array(Precondition).default([]),
  entitlements: Entitlements,
  sla: PlanSla.optional(),
  /** The `supportLevels` a holder may use. */
  supportLevels: z.array(Id).default([]),
  /** A review of the customer's system the plan includes. */
  systemReview: SystemReview.optional(),
  /** What a customer gives to register for support under this plan. */
  registration: Registration.optional(),
  /** What every fault report must carry. */
  ticketRequires: z.array(CustomerFact).default([]),
  /** Return of faulty devices replaced under this plan. */
  rma: Rma.optional(),
});
export type Plan = z.infer<typeof Plan>;

export function checkPlan(plan: Plan, at: Path, refs: Refs): void {
  checkUnique(plan.termsMonths, (t) => String(t), (i) => [...at, 'termsMonths', i], refs.report, 'term');
  plan.prices.forEach((price, i) => {
    checkRegionalMoney(price, [...at, 'prices', i], refs);
    if (!plan.termsMonths.includes(price.termMonths))
      refs.report([...at, 'prices', i, 'termMonths'], `${plan.name} is not sold for ${price.termMonths} months.`);
  });
  checkUnique(plan.prices, (p) => `${p.region}/${p.termMonths}`, (i) => [...at, 'prices', i, 'region'], refs.report, 'price for region/term');
  checkUnique(plan.requires, (r) => r.id, (i) => [...at, 'requires', i, 'id'], refs.report, 'precondition');
  checkEntitlements(plan.entitlements, [...at, 'entitlements'], refs);
  if (plan.sla) checkPlanSla(plan.sla, plan.entitlements.channels, [...at, 'sla'], refs);
  checkRefs(plan.supportLevels, refs.levels, [...at, 'supportLevels'], refs.report, 'support level');
  if (plan.registration) checkRegistration(plan.registration, [...at, 'registration'], refs);
  checkUnique(plan.ticketRequires, (f) => f, (i) => [...at, 'ticketRequires', i], refs.report, 'fact');
}

/** A plan as written in a catalog (defaults not yet filled in). */
export type PlanInput = z.input<typeof Plan>;
