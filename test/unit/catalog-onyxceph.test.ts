import { describe, expect, it } from 'vitest';
import { findPlan } from '../../domain/catalog/lookup';
import { onyxcephCatalog as catalog } from '../../domain/catalog/presets/onyxceph';

const SEED = 'onyxceph-support-levels.txt';
const plan = (id: string) => findPlan(catalog, id)!;
const level = (id: string) => catalog.supportLevels.find((l) => l.id === id)!;

describe(`OnyxCeph preset (${SEED})`, () => {
  it(`${SEED}: support categories, software maintenance by Image Instruments (obligatory), technical support by the distributor and user support by support partners (optional)`, () => {
    expect(catalog.plans.map((p) => [p.id, p.provider, p.obligatory])).toEqual([
      ['software-maintenance', 'vendor', true],
      ['technical-support', 'distributor', false],
      ['user-support', 'support-partner', false],
    ]);
  });

  it(`${SEED}: maintenance costs "a uniform annual fee of EUR 99 plus VAT per license package"`, () => {
    const maintenance = plan('software-maintenance');
    expect(maintenance.pricePer).toBe('licence-package');
    expect(maintenance.termsMonths).toEqual([12]);
    // Net of VAT: VAT is applied on invoice lines.
    expect(maintenance.prices).toEqual([{ region: 'worldwide', termMonths: 12, amount: 9_900, currency: 'EUR' }]);
  });

  it(`${SEED}: "regardless of license type, program version, and license scope" (one price, one region, nothing else to choose)`, () => {
    expect(catalog.regions).toHaveLength(1);
    expect(plan('software-maintenance').prices).toHaveLength(1);
  });

  it(`${SEED}: "Software maintenance includes the provision of Updates, Upgrades"`, () => {
    expect(plan('software-maintenance').entitlements.services).toEqual(['updates', 'upgrades']);
  });

  it(`${SEED}: a reseller "will charge these costs to its end users and will remit this amount ... as part of its annual billing"`, () => {
    expect(catalog.resellerBilling).toEqual({ endUserInvoicedBy: 'reseller', remittance: 'annual-billing' });
  });

  it(`${SEED}: technical support and user support are priced by their providers (no list price here)`, () => {
    expect(plan('technical-support').prices).toEqual([]);
    expect(plan('user-support').prices).toEqual([]);
    expect(catalog.outOfScopeWork).toBe('quoted');
  });

  it(`${SEED}: "License packages do not include training or user support"; support partners provide them`, () => {
    expect(plan('software-maintenance').entitlements.services).not.toContain('training');
    expect(plan('user-support').entitlements.services).toEqual(['user-support', 'training']);
  });

  it(`${SEED}: Level 0, provided by distributor/reseller, the initial contact, with its eleven topics`, () => {
    const l0 = level('level-0');
    expect(l0).toMatchObject({ providedBy: 'distributor', firstContact: true });
    expect(l0.topics.map((t) => t.name)).toEqual([
      'Server installation',
      'Client installation',
      'Server–client connection',
      'Establish PMS interface',
      'Establish IMS interfaces (2D/3D)',
      'Software activation request',
      'Software activation',
      'Renew/extend licence',
      'Database backup',
      'Software update',
      'Database migration',
    ]);
  });

  it(`${SEED}: Level 1, provided by Image Instruments: patches, other system settings, database restore, troubleshooting`, () => {
    const l1 = level('level-1');
    expect(l1).toMatchObject({ providedBy: 'vendor', firstContact: false });
    expect(l1.topics.map((t) => t.id)).toEqual(['patch-installation', 'system-settings', 'database-restore', 'troubleshooting']);
  });

  it(`${SEED}: "For problems that cannot be solved in this way ... Customer may contact Image Instruments" (level 0 escalates to level 1)`, () => {
    expect(level('level-0').escalatesTo).toBe('level-1');
    expect(level('level-1').escalatesTo).toBeUndefined();
  });

  it(`${SEED}: technical support comprises "the two subject groups Level 0 and Level 1"`, () => {
    expect(plan('technical-support').supportLevels).toEqual(['level-0', 'level-1']);
  });
});
