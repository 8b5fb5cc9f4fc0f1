import * as z from 'zod';
import { Id, Name, Named, TimeZone } from './basics';
import { AddOn, checkAddOn } from './addons';
import { checkUnique, type Report } from './checks';
import { Contact, ResellerBilling } from './contacts';
import { checkCredit, Credit } from './credit';
import { checkSupportLevels, SupportLevel } from './levels';
import { checkPlan, Plan } from './plans';
import { Billing, checkBilling } from './rates';
import type { Refs } from './refs';
import { Region } from './regions';
import { checkRenewal, Renewal } from './renewal';
import { ServiceWindow } from './sla';
import { checkVat, VatRate } from './vat';

/**
 * A vendor's support policy as data: what it sells (plans, add-ons), what each plan covers
 * (entitlements, SLAs, support levels), what support time costs (credit, rates), and how renewals
 * work. Code interprets a catalog and never names a vendor. Amounts are net minor units.
 */
export const CatalogShape = z.strictObject({
  vendor: z.strictObject({ id: Id, name: Name }),
  /** The IANA zone contract terms are computed in when an order gives none. */
  defaultTimeZone: TimeZone,
  regions: z.array(Region).min(1, 'Name at least one region.'),
  /** The catalog's vocabulary of services (upgrades, bug fixes, training …). */
  services: z.array(Named).default([]),
  serviceWindows: z.array(ServiceWindow).default([]),
  /** Kinds of customer some rules apply to (e.g. clinical customers). */
  customerSegments: z.array(Named).default([]),
  plans: z.array(Plan).min(1, 'Sell at least one plan.'),
  addOns: z.array(AddOn).default([]),
  credit: Credit.optional(),
  billing: Billing.optional(),
  supportLevels: z.array(SupportLevel).default([]),
  resellerBilling: ResellerBilling.optional(),
  /** VAT rates by country and date; invoice lines show the customer's. */
  vat: z.array(VatRate).default([]),
  renewal: Renewal,
  contacts: z.array(Contact).default([]),
  /** Work no plan covers: refused, quoted separately, or billed at `billing.rates`. */
  outOfScopeWork: z.enum(['refused', 'quoted', 'billed-hourly']),
});

type Shape = z.infer<typeof CatalogShape>;

function refsOf(catalog: Shape, report: Report): Refs {
  return {
    regions: new Map(catalog.regions.map((r) => [r.id, r])),
    services: new Set(catalog.services.map((s) => s.id)),
    windows: new Set(catalog.serviceWindows.map((w) => w.id)),
    plans: new Map(catalog.plans.map((p) => [p.id, p.name])),
    addOns: new Set(catalog.addOns.map((a) => a.id)),
    segments: new Set(catalog.customerSegments.map((s) => s.id)),
    levels: new Set(catalog.supportLevels.map((l) => l.id)),
    report,
  };
}

/** Cross-field rules: unique ids, references that resolve, currencies that match their region. */
function checkCatalog(catalog: Shape, ctx: z.RefinementCtx): void {
  const refs = refsOf(catalog, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
  const { report } = refs;
  checkUnique(catalog.regions, (r) => r.id, (i) => ['regions', i, 'id'], report, 'region id');
  checkUnique(catalog.services, (s) => s.id, (i) => ['services', i, 'id'], report, 'service id');
  checkUnique(catalog.serviceWindows, (w) => w.id, (i) => ['serviceWindows', i, 'id'], report, 'service window id');
  checkUnique(catalog.customerSegments, (s) => s.id, (i) => ['customerSegments', i, 'id'], report, 'segment id');
  checkUnique(catalog.plans, (p) => p.id, (i) => ['plans', i, 'id'], report, 'plan id');
  catalog.plans.forEach((plan, i) => checkPlan(plan, ['plans', i], refs));
  checkUnique(catalog.addOns, (a) => a.id, (i) => ['addOns', i, 'id'], report, 'add-on id');
  catalog.addOns.forEach((addOn, i) => checkAddOn(addOn, ['addOns', i], refs, catalog.credit !== undefined));
  if (catalog.credit) checkCredit(catalog.credit, ['credit'], refs);
  if (catalog.billing) checkBilling(catalog.billing, ['billing'], refs);
  checkSupportLevels(catalog.supportLevels, ['supportLevels'], refs);
  checkRenewal(catalog.renewal, ['renewal'], refs);
  checkVat(catalog.vat, ['vat'], report);
  if (catalog.outOfScopeWork === 'billed-hourly' && !catalog.billing)
    report(['outOfScopeWork'], 'Billing out-of-scope work by the hour needs `billing` with rates.');
}

export const Catalog = CatalogShape.superRefine(checkCatalog);
export type Catalog = z.infer<typeof Catalog>;
/** A catalog as written (defaults not yet filled in): the type presets are written in. */
export type CatalogInput = z.input<typeof Catalog>;
