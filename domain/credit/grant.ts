import { allowanceMinutes, creditScope, findAddOn } from '../catalog/lookup';
import { formatMoney } from '../catalog/money';
import type { Catalog } from '../catalog/schema/catalog';
import type { CreditHolder } from './holder';

export interface Grant {
  includedMinutes: number;
  addOnMinutes: number;
  scope?: string;
  covers: string[];
  noCreditReason?: string;
}

/**
 * A contract year's credit from the catalog: the credit table's minutes for the plan and the
 * licence's module scope (none below the annual-value threshold), plus each held add-on's extra
 * minutes; it pays for the catalog's covered services and those the add-ons add.
 */
export function grantFor(catalog: Catalog, holder: CreditHolder): Grant {
  const credit = catalog.credit;
  if (!credit) return { includedMinutes: 0, addOnMinutes: 0, covers: [], noCreditReason: `${catalog.vendor.name} includes no support-time credit.` };
  const addOns = holder.addOnIds.map((id) => findAddOn(catalog, id)?.credit).filter((c) => c !== undefined);
  const addOnMinutes = addOns.reduce((sum, c) => sum + c.extraMinutes, 0);
  const covers = [...new Set([...credit.covers, ...addOns.flatMap((c) => c.alsoCovers)])];
  const mainModules = holder.licence?.mainModules.filter((m) => credit.mainModules.some((known) => known.id === m)).length ?? 0;
  const scope = creditScope(catalog, mainModules)!;
  const minimum = credit.minimumAnnualValue.find((m) => m.region === holder.regionId);
  const value = holder.licence?.annualValue;
  let noCreditReason: string | undefined;
  let includedMinutes = 0;
  if (minimum && !value) noCreditReason = `No annual rent is recorded for this contract; credit needs at least ${formatMoney(minimum)} a year.`;
  else if (minimum && value && (value.currency !== minimum.currency || value.amount < minimum.amount))
    noCreditReason = `The annual rent of ${formatMoney(value)} is below the ${formatMoney(minimum)} that credit needs.`;
  else {
    // The annual-value threshold is checked above, with reasons; here only the table's row counts.
    includedMinutes = allowanceMinutes(catalog, holder.planId, scope.id);
    if (includedMinutes === 0) noCreditReason = `The credit table gives no minutes for plan ${holder.planId} (${scope.name}).`;
  }
  return { includedMinutes, addOnMinutes, scope: scope.id, covers, ...(noCreditReason ? { noCreditReason } : {}) };
}
