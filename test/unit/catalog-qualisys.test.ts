import { describe, expect, it } from 'vitest';
import { addOnEligibility, findAddOn, findPlan, findServiceWindow, mandatoryAddOns } from '../../domain/catalog/lookup';
import { qualisysCatalog as catalog } from '../../domain/catalog/presets/qualisys';

const SEED = 'qualisys-support-agreement.txt';
const plan = (id: string) => findPlan(catalog, id)!;
const addOn = (id: string) => findAddOn(catalog, id)!;
const tiers = ['gold', 'diamond', 'platinum'];

describe(`Qualisys preset (${SEED})`, () => {
  it(`${SEED}: Gold and Diamond start at 12 months, Platinum "includes 2 YEARS of software support"`, () => {
    expect(tiers.map((id) => plan(id).termsMonths)).toEqual([[12], [12], [24]]);
  });

  it(`${SEED}: the terms are those for the Americas; other regions have their own prices (one price per region and term)`, () => {
    expect(catalog.regions.map((r) => [r.id, r.currency])).toEqual([
      ['americas', 'USD'],
      ['international', 'EUR'],
    ]);
    for (const id of tiers) {
      const p = plan(id);
      expect(p.prices.map((price) => [price.region, price.termMonths])).toEqual(catalog.regions.map((r) => [r.id, p.termsMonths[0]]));
    }
  });

  it(`${SEED}: tier table, rows "+" for every tier: phone, e-mail, remote desktop, online support system`, () => {
    for (const id of tiers) expect(plan(id).entitlements.channels).toEqual(['email', 'phone', 'remote-desktop', 'portal']);
  });

  it(`${SEED}: tier table, rows "+" for every tier: QTM upgrades, plugin upgrades, bug fixes, biannual info updates, website login, PAF support, QAcademy videos`, () => {
    const everyTier = ['qtm-upgrades', 'plugin-upgrades', 'bug-fixes', 'info-updates', 'website-login', 'paf-support', 'video-tutorials'];
    for (const id of tiers) expect(plan(id).entitlements.services).toEqual(expect.arrayContaining(everyTier));
    expect(plan('gold').entitlements.services).toEqual(everyTier);
  });

  it(`${SEED}: tier table, camera loaner, online tune-up and online advanced training are "-" for Gold, "+" for Diamond and Platinum`, () => {
    const diamondUp = ['camera-loaner', 'online-tune-up', 'online-advanced-training'];
    for (const service of diamondUp) {
      expect(plan('gold').entitlements.services).not.toContain(service);
      expect(plan('diamond').entitlements.services).toContain(service);
      expect(plan('platinum').entitlements.services).toContain(service);
    }
  });

  it(`${SEED}: tier table, "One onsite training day" and "lab setup quality review" are Platinum only`, () => {
    for (const service of ['onsite-training-day', 'lab-setup-review']) {
      expect(plan('gold').entitlements.services).not.toContain(service);
      expect(plan('diamond').entitlements.services).not.toContain(service);
      expect(plan('platinum').entitlements.services).toContain(service);
    }
    expect(plan('platinum').entitlements.allowances).toEqual([{ service: 'onsite-training-day', count: 1, per: 'term' }]);
  });

  it(`${SEED}: e-mail support, "We promise response within two business days"`, () => {
    for (const id of tiers) {
      const sla = plan(id).sla!;
      expect(sla.targets).toEqual([{ metric: 'first-response', channel: 'email', within: { unit: 'business-days', value: 2 }, from: 'report' }]);
      const window = findServiceWindow(catalog, sla.window)!;
      expect(window.calendar).toMatchObject({ timeZone: 'Europe/Stockholm', holidays: { country: 'se', types: ['public'] } });
    }
  });

  it(`${SEED}: PAF analysis module support "is included in the system support agreement" (a service of every tier, not an add-on)`, () => {
    for (const id of tiers) expect(plan(id).entitlements.services).toContain('paf-support');
    expect(catalog.addOns.map((a) => a.id)).not.toContain('paf-support');
  });

  it(`${SEED}: extended hardware warranty, priced "based on the size of the total camera system"`, () => {
    const { pricing } = addOn('extended-hardware-warranty');
    expect(pricing).toMatchObject({ kind: 'by-size', unit: 'camera', per: 'year' });
    if (pricing.kind !== 'by-size') throw new Error('by-size pricing expected');
    expect(pricing.bands.map((b) => b.upTo)).toEqual([8, 16, 32, null]);
  });

  it(`${SEED}: extended hardware warranty "can be in addition to or independent of software and support"`, () => {
    expect(addOn('extended-hardware-warranty').standalone).toBe(true);
    expect(addOnEligibility(catalog, 'extended-hardware-warranty', undefined)).toEqual({ eligible: true });
    for (const id of tiers) expect(addOnEligibility(catalog, 'extended-hardware-warranty', id)).toEqual({ eligible: true });
  });

  it(`${SEED}: "A current calibration/data trial is required prior to purchasing/renewing any hardware warranty"`, () => {
    expect(addOn('extended-hardware-warranty').requires).toEqual([{ id: 'calibration-trial', name: 'A current calibration/data trial', at: ['order', 'renewal'] }]);
  });

  it(`${SEED}: with the extended warranty, shipping to the factory is included and servicing is prioritized`, () => {
    expect(addOn('extended-hardware-warranty')).toMatchObject({ shipping: { paidBy: 'vendor' }, priority: true });
  });

  it(`${SEED}: camera loaner "is available for those on Diamond and Platinum plans"`, () => {
    expect(addOn('camera-loaner').eligiblePlans).toEqual(['diamond', 'platinum']);
    expect(addOnEligibility(catalog, 'camera-loaner', 'gold')).toEqual({ eligible: false, reason: 'Camera loaner program needs Diamond or Platinum.' });
    expect(addOnEligibility(catalog, 'camera-loaner', 'diamond')).toEqual({ eligible: true });
    expect(addOnEligibility(catalog, 'camera-loaner', undefined)).toEqual({ eligible: false, reason: 'Camera loaner program needs a Diamond or Platinum agreement.' });
  });

  it(`${SEED}: loaner "Shipping costs to and from are charged to the customer"; a camera not returned "will be billed at the existing list price"`, () => {
    expect(addOn('camera-loaner')).toMatchObject({ shipping: { paidBy: 'customer' }, loan: { notReturned: 'billed-at-list-price' } });
  });

  it(`${SEED}: QCS "includes everything covered by the Diamond plan, plus a service and maintenance program"`, () => {
    const qcs = addOn('qcs');
    expect(qcs.eligiblePlans).toEqual(['diamond']);
    expect(qcs.grants.services).toEqual(['service-maintenance']);
  });

  it(`${SEED}: "Participation in the QCS support agreement program is mandatory for QCS customers"`, () => {
    expect(mandatoryAddOns(catalog, 'clinical').map((a) => a.id)).toEqual(['qcs']);
    expect(addOnEligibility(catalog, 'qcs', 'gold')).toEqual({ eligible: false, reason: 'Qualisys Clinical System (QCS) support needs Diamond.' });
  });

  it(`${SEED}: without an active contract there are no updates and no technical support`, () => {
    expect(catalog.outOfScopeWork).toBe('refused');
  });
});
