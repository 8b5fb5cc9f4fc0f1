import * as z from 'zod';
import { formatMoney, Money } from '../money';
import { Id, Named } from './basics';
import { checkUnique, type Path } from './checks';
import type { Refs } from './refs';

/**
 * The hourly rate of a billable service in a region. `reduced`: the lower rate for holders of an
 * add-on (e.g. a half-fare subscription); absent, no reduction applies to this service.
 */
export const HourlyRate = z.strictObject({
  service: Id,
  region: Id,
  perHour: Money,
  reduced: z.strictObject({ withAddOn: Id, perHour: Money }).optional(),
});
export type HourlyRate = z.infer<typeof HourlyRate>;

/** Paid support: rates, the billing unit, and the cases that are free whatever the credit. */
export const Billing = z.strictObject({
  /**
   * Each support case is billed in whole units of this many minutes, at least one unit
   * (5: a 7-minute case bills 10 minutes, a 2-minute case 5).
   */
  minimumUnitMinutes: z.int().min(1).max(240),
  rates: z.array(HourlyRate).min(1, 'Give at least one rate.'),
  /** Reasons staff can give for not charging a case (first installation, a verified software error …). */
  freeCases: z.array(Named).default([]),
});
export type Billing = z.infer<typeof Billing>;

export function checkBilling(billing: Billing, at: Path, refs: Refs): void {
  billing.rates.forEach((rate, i) => {
    const here = [...at, 'rates', i];
    if (!refs.services.has(rate.service)) refs.report([...here, 'service'], `Unknown service ${rate.service}.`);
    const region = refs.regions.get(rate.region);
    if (!region) refs.report([...here, 'region'], `Unknown region ${rate.region}.`);
    // Both rates are in the region's currency (in the full rate's, when the region is unknown).
    const currency = region?.currency ?? rate.perHour.currency;
    const inCurrency = (money: { currency: string }, at: Path) => {
      if (money.currency === currency) return true;
      refs.report(at, region ? `Region ${region.id} is priced in ${currency}, not ${money.currency}.` : `Rates must be in ${currency}.`);
      return false;
    };
    const fullOk = inCurrency(rate.perHour, [...here, 'perHour', 'currency']);
    if (!rate.reduced) return;
    if (!refs.addOns.has(rate.reduced.withAddOn)) refs.report([...here, 'reduced', 'withAddOn'], `Unknown add-on ${rate.reduced.withAddOn}.`);
    if (inCurrency(rate.reduced.perHour, [...here, 'reduced', 'perHour', 'currency']) && fullOk && rate.reduced.perHour.amount >= rate.perHour.amount)
      refs.report([...here, 'reduced', 'perHour', 'amount'], `A reduced rate must be below ${formatMoney(rate.perHour)}.`);
  });
  checkUnique(billing.rates, (r) => `${r.service}/${r.region}`, (i) => [...at, 'rates', i, 'service'], refs.report, 'rate for service/region');
  checkUnique(billing.freeCases, (c) => c.id, (i) => [...at, 'freeCases', i, 'id'], refs.report, 'free case');
}
