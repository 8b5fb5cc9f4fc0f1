import type { QuoteLine } from '../../events/contract';
import { findAddOn, findPlan } from '../catalog/lookup';
import type { Catalog } from '../catalog/schema/catalog';
import type { LedgerLineKind } from './line';

/** The ledger kind of a quote line. */
export const quoteLineKind = (line: QuoteLine): LedgerLineKind => (line.kind === 'plan' ? 'agreement' : line.kind);

/** What one unit of a quote line is: a licence package or a term for a plan, a year/term for an add-on, a person(-year). */
export function quoteLineUnit(catalog: Catalog, line: QuoteLine): string {
  switch (line.kind) {
    case 'plan':
      return findPlan(catalog, line.ref)?.pricePer === 'licence-package' ? 'licence package' : 'term';
    case 'add-on': {
      const pricing = findAddOn(catalog, line.ref)?.pricing;
      return pricing && (pricing.kind === 'fixed' || pricing.kind === 'by-size') ? periodUnit(pricing.per) : 'term';
    }
    case 'extra-person': {
      const per = findAddOn(catalog, line.ref)?.seats?.extra?.per;
      return per === 'year' ? 'person-year' : 'person';
    }
  }
}

const periodUnit = (per: 'year' | 'term' | 'once'): string => (per === 'once' ? 'unit' : per);
