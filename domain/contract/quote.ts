import type { ContractOrdered, OrderedAddOn, QuoteLine, RegisteredPerson } from '../../events/contract';
import { findAddOn, findPlan, findRegion, planPrice } from '../catalog/lookup';
import type { Money } from '../catalog/money';
import type { AddOn } from '../catalog/schema/addons';
import type { Catalog } from '../catalog/schema/catalog';
import type { RegionalMoney } from '../catalog/schema/regions';

/**
 * The price of an order, as quote lines in the region's currency (integer minor units): the plan
 * (per licence package when the plan is priced so), each add-on (fixed, by size, or included at
 * zero; quoted add-ons are left out), and registered persons beyond the included seats. A yearly
 * price counts once per started year of the term.
 */

/** An add-on's price in a region for an ordered quantity and size; undefined when quoted case by case. */
export function addOnUnitPrice(addOn: AddOn, regionId: string, size: number | undefined): RegionalMoney | 'quoted' | 'included' | undefined {
  const pricing = addOn.pricing;
  switch (pricing.kind) {
    case 'included':
      return 'included';
    case 'quoted':
      return 'quoted';
    case 'fixed':
      return pricing.prices.find((p) => p.region === regionId);
    case 'by-size': {
      if (size === undefined) return undefined;
      const band = pricing.bands.find((b) => b.upTo === null || size <= b.upTo);
      return band?.prices.find((p) => p.region === regionId);
    }
  }
}

/** Times a yearly price recurs in a term (a started year counts); a term or one-off price once. */
const periods = (per: 'year' | 'term' | 'once', termMonths: number): number => (per === 'year' ? Math.ceil(termMonths / 12) : 1);

/** The quote of an order: plan price (× licence packages when priced per package) and add-on prices, in minor units. */
export function quoteOrder(
  catalog: Catalog,
  order: { planId: string; regionId: string; termMonths: number; licencePackages: number; addOns: OrderedAddOn[]; registeredPersons: RegisteredPerson[] },
): ContractOrdered['quote'] {
  const currency = findRegion(catalog, order.regionId)!.currency;
  const money = (amount: number): Money => ({ amount, currency });
  const lines: QuoteLine[] = [];
  const plan = findPlan(catalog, order.planId)!;
  const price = planPrice(catalog, order.planId, order.regionId, order.termMonths);
  if (price) {
    const quantity = plan.pricePer === 'licence-package' ? order.licencePackages : 1;
    lines.push({
      kind: 'plan',
      ref: plan.id,
      description: `${plan.name}, ${order.termMonths} months${plan.pricePer === 'licence-package' ? `, per licence package` : ''}`,
      quantity,
      unitPrice: money(price.amount),
      amount: money(price.amount * quantity),
    });
  }
  let seatsLeft = order.registeredPersons.length;
  for (const ordered of order.addOns) {
    const addOn = findAddOn(catalog, ordered.addOnId)!;
    const unit = addOnUnitPrice(addOn, order.regionId, ordered.size);
    if (unit === 'quoted' || unit === undefined) continue;
    const per = addOn.pricing.kind === 'fixed' || addOn.pricing.kind === 'by-size' ? addOn.pricing.per : 'term';
    const quantity = (ordered.quantity ?? 1) * periods(per, order.termMonths);
    const amount = unit === 'included' ? 0 : unit.amount;
    lines.push({
      kind: 'add-on',
      ref: addOn.id,
      description: `${addOn.name}${ordered.size !== undefined && addOn.pricing.kind === 'by-size' ? `, ${ordered.size} ${addOn.pricing.unit}s` : ''}${unit === 'included' ? ' (included)' : ''}`,
      quantity,
      unitPrice: money(amount),
      amount: money(amount * quantity),
    });
    seatsLeft -= Math.min(seatsLeft, addOn.seats?.included ?? 0);
  }
  // Persons beyond the included seats, at the first seat add-on's price for each further person.
  const extraSeats = order.addOns.map((a) => findAddOn(catalog, a.addOnId)).find((a) => a?.seats?.extra);
  const extra = extraSeats?.seats?.extra;
  const extraPrice = extra?.prices.find((p) => p.region === order.regionId);
  if (seatsLeft > 0 && extraSeats && extra && extraPrice) {
    const quantity = seatsLeft * periods(extra.per, order.termMonths);
    lines.push({
      kind: 'extra-person',
      ref: extraSeats.id,
      description: `${extraSeats.name}: ${seatsLeft} further registered person${seatsLeft === 1 ? '' : 's'}`,
      quantity,
      unitPrice: money(extraPrice.amount),
      amount: money(extraPrice.amount * quantity),
    });
  }
  return { lines, total: money(lines.reduce((sum, l) => sum + l.amount.amount, 0)) };
}

