import { describe, expect, it } from 'vitest';
import {
  addOnEligibility,
  creditScope,
  findAddOn,
  findPlan,
  findRegion,
  findService,
  findServiceWindow,
  hourlyRate,
  includedCreditMinutes,
  mandatoryAddOns,
  planPrice,
} from '../../domain/catalog/lookup';
import { formatMoney, minorDigits } from '../../domain/catalog/money';
import { presets } from '../../domain/catalog/presets/index';

const { qualisys, q3, hezo, onyxceph } = presets;

describe('catalog lookups', () => {
  it('finds plans, add-ons, regions, services and windows by id, and nothing for an unknown id', () => {
    expect(findPlan(qualisys, 'platinum')?.name).toBe('Platinum');
    expect(findPlan(qualisys, 'bronze')).toBeUndefined();
    expect(findAddOn(q3, 'support-plus')?.name).toBe('Support+');
    expect(findRegion(hezo, 'pl')?.currency).toBe('PLN');
    expect(findService(onyxceph, 'upgrades')?.name).toBe('Software upgrades');
    expect(findServiceWindow(hezo, '24x7')?.calendar.hours).toBe('always');
    expect(findServiceWindow(q3, '8x5')).toBeUndefined();
  });

  it('prices a plan per region and term, and has no price for a term it is not sold for', () => {
    expect(planPrice(hezo, 'sos-24x7-8h', 'pl', 36)).toEqual({ region: 'pl', termMonths: 36, amount: 2_670_000, currency: 'PLN' });
    expect(planPrice(hezo, 'sos-24x7-8h', 'pl', 24)).toBeUndefined();
    expect(planPrice(q3, 'profi', 'ch', 12)).toBeUndefined();
  });

  it('explains why an add-on cannot be added', () => {
    expect(addOnEligibility(qualisys, 'jetpack', 'gold')).toEqual({ eligible: false, reason: 'There is no add-on jetpack.' });
    expect(addOnEligibility(qualisys, 'camera-loaner', 'bronze')).toEqual({ eligible: false, reason: 'There is no plan bronze.' });
    // An add-on for every plan (no list), but not without one.
    expect(addOnEligibility(hezo, 'system-care', 'ahb-8x5-nbd')).toEqual({ eligible: true });
    expect(addOnEligibility(q3, 'half-fare', undefined)).toEqual({
      eligible: false,
      reason: 'Half-fare subscription needs a Standard, Advanced, Profi or Premium agreement.',
    });
  });

  it('lists the add-ons a segment must hold (none for a segment without rules)', () => {
    expect(mandatoryAddOns(qualisys, 'clinical').map((a) => a.id)).toEqual(['qcs']);
    expect(mandatoryAddOns(hezo, 'clinical')).toEqual([]);
  });

  it('picks the credit scope with the highest threshold the licence meets', () => {
    expect([0, 1, 2, 3, 4].map((n) => creditScope(q3, n)?.id)).toEqual([
      'single-module', 'single-module', 'several-main-modules', 'several-main-modules', 'several-main-modules',
    ]);
    expect(creditScope(qualisys, 3)).toBeUndefined();
  });

  it('includes no credit in a catalog without credit, and refuses an annual value in another currency', () => {
    expect(includedCreditMinutes(qualisys, 'gold', 'single-module', { region: 'americas', amount: 1_000_000, currency: 'USD' })).toBe(0);
    expect(() => includedCreditMinutes(q3, 'profi', 'single-module', { region: 'ch', amount: 1_000_000, currency: 'EUR' })).toThrow(/CHF/);
    expect(includedCreditMinutes(q3, 'profi', 'no-such-scope', { region: 'ch', amount: 1_000_000, currency: 'CHF' })).toBe(0);
  });

  it('has no hourly rate where the catalog bills none', () => {
    expect(hourlyRate(qualisys, 'bug-fixes', 'americas')).toBeUndefined();
    expect(hourlyRate(q3, 'user-support', 'de')).toBeUndefined();
  });
});

describe('money', () => {
  it('knows the minor digits of a currency and formats amounts for messages', () => {
    expect(minorDigits('CHF')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(formatMoney({ amount: 17_500, currency: 'CHF' })).toBe('CHF 175.00');
    expect(formatMoney({ amount: 1_500, currency: 'JPY' })).toBe('JPY 1500');
  });
});
