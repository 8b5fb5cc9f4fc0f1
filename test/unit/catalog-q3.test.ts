import { describe, expect, it } from 'vitest';
import { addOnEligibility, creditScope, findAddOn, findPlan, hourlyRate, includedCreditMinutes } from '../../domain/catalog/lookup';
import { q3Catalog as catalog } from '../../domain/catalog/presets/q3';
import { vatRateOn } from '../../domain/catalog/schema/vat';

const SEED = 'q3-support-concept-fr.txt';
const variants = ['standard', 'advanced', 'profi', 'premium'];
const chf = (francs: number) => ({ amount: Math.round(francs * 100), currency: 'CHF' });
const rent = (francs: number) => ({ region: 'ch', ...chf(francs) });
const supportPlus = () => findAddOn(catalog, 'support-plus')!;

describe(`Q3 preset (${SEED})`, () => {
  it(`${SEED}: four variants, standard, advanced, profi, premium, with free time "par année (loyer annuel)"`, () => {
    expect(catalog.plans.map((p) => [p.id, p.termsMonths])).toEqual(variants.map((v) => [v, [12]]));
    expect(catalog.credit!.period).toBe('contract-year');
  });

  it(`${SEED}: without a current rental licence "nous ne pouvons plus vous fournir de support"`, () => {
    for (const id of variants)
      expect(findPlan(catalog, id)!.requires).toEqual([{ id: 'current-rental-licence', name: 'A current Q3 rental licence', at: ['order', 'renewal', 'ticket'] }]);
  });

  it(`${SEED}: channels, e-mail, phone (Q3 Infoline), training / remote-maintenance session`, () => {
    for (const id of variants) expect(findPlan(catalog, id)!.entitlements.channels).toEqual(['email', 'phone', 'remote-desktop']);
  });

  // The support table, rows "à cela gratuit par année": module individuel / plusieurs modules principaux.
  // The support table, rows "à cela gratuit par année": module individuel / plusieurs modules
  // principaux. Last column: how many main modules the licence in the example holds.
  const table: [string, string, number, number][] = [
    ['standard', 'single module', 5, 1],
    ['advanced', 'single module', 10, 1],
    ['profi', 'single module', 15, 1],
    ['premium', 'single module', 25, 1],
    ['standard', 'several main modules', 10, 2],
    ['advanced', 'several main modules', 15, 3],
    ['profi', 'several main modules', 25, 2],
    ['premium', 'several main modules', 35, 4],
  ];
  it.each(table)(`${SEED}: %s, %s → %i minutes per rental year`, (variant, scopeName, minutes, mainModules) => {
    const scope = creditScope(catalog, mainModules)!;
    expect(scope.name.toLowerCase()).toBe(scopeName);
    expect(includedCreditMinutes(catalog, variant, scope.id, rent(1_200))).toBe(minutes);
  });

  it(`${SEED}: footnote 3, "Modules principaux sont: COFI, Salaires, Factures, Créanciers"`, () => {
    expect(catalog.credit!.mainModules.map((m) => m.id)).toEqual(['cofi', 'payroll', 'invoices', 'creditors']);
  });

  it(`${SEED}: footnote 2, the free time "est valable dès un loyer annuel de CHF 100.-"`, () => {
    const scope = creditScope(catalog, 1)!.id;
    expect(includedCreditMinutes(catalog, 'premium', scope, rent(99.95))).toBe(0);
    expect(includedCreditMinutes(catalog, 'premium', scope, rent(100))).toBe(25);
  });

  it(`${SEED}: footnote 2, the credit "ne peut pas être vendu, cumulé ou repris dans la prochaine période de loyer"`, () => {
    expect(catalog.credit).toMatchObject({ sellable: false, cumulative: false, carriesOver: false });
  });

  it(`${SEED}: "Nous vous transmettons ... dans chaque e-mail d'assistance votre avoir actuel"`, () => {
    expect(catalog.credit!.balanceInEveryReply).toBe(true);
  });

  it(`${SEED}: the free time pays for e-mail and phone support (the rows it follows), not for training or data checks`, () => {
    expect(catalog.credit!.covers).toEqual(['user-support']);
  });

  it(`${SEED}: support requests once the credit is used up, CHF 175.-/h`, () => {
    expect(hourlyRate(catalog, 'user-support', 'ch')).toEqual({ perHour: chf(175) });
  });

  it(`${SEED}: "Si vous disposez d'un abonnement demi-tarif, le tarif ... est de seulement CHF 119.-/h"`, () => {
    expect(hourlyRate(catalog, 'user-support', 'ch', ['half-fare'])).toEqual({ perHour: chf(119), reducedBy: 'half-fare' });
  });

  it.each(['training', 'data-checks', 'forms'])(
    `${SEED}: "Formation, contrôle de données, formulaires" (%s) CHF 175.-/h, and the half fare "n'est pas valable" for them`,
    (service) => {
      expect(hourlyRate(catalog, service, 'ch', ['half-fare'])).toEqual({ perHour: chf(175) });
    },
  );

  it(`${SEED}: "Programmation individuelle" CHF 195.-/h`, () => {
    expect(hourlyRate(catalog, 'programming', 'ch', ['half-fare'])).toEqual({ perHour: chf(195) });
  });

  it(`${SEED}: "Unité de temps minimale par cas de support: 5 min."`, () => {
    expect(catalog.billing!.minimumUnitMinutes).toBe(5);
  });

  it(`${SEED}: free regardless, first installation and licence entry (1st-level service), a software error verified by Q3`, () => {
    expect(catalog.billing!.freeCases.map((c) => c.id)).toEqual(['first-installation', 'licence-entry', 'verified-software-error']);
    for (const id of variants) expect(findPlan(catalog, id)!.entitlements.services).toContain('first-installation');
  });

  it(`${SEED}: footnote 1, "Tous les prix s'entendent nets": prices in CHF net, Swiss VAT shown on invoice lines (example value: the rates)`, () => {
    expect(catalog.regions).toEqual([{ id: 'ch', name: 'Switzerland', currency: 'CHF', country: 'CH' }]);
    expect(vatRateOn(catalog.vat, 'CH', '2023-12-31')?.percent).toBe(7.7);
    expect(vatRateOn(catalog.vat, 'CH', '2026-11-21')?.percent).toBe(8.1);
    expect(vatRateOn(catalog.vat, 'DE', '2026-11-21')).toBeUndefined();
  });

  it(`${SEED}: once the credit is used up, support is billed by the hour`, () => {
    expect(catalog.outOfScopeWork).toBe('billed-hourly');
  });

  describe('Support+', () => {
    it(`${SEED}: "pour les licences de location Profi et Premium" only`, () => {
      expect(supportPlus().eligiblePlans).toEqual(['profi', 'premium']);
      expect(addOnEligibility(catalog, 'support-plus', 'advanced')).toEqual({ eligible: false, reason: 'Support+ needs Profi or Premium.' });
      expect(addOnEligibility(catalog, 'support-plus', 'premium')).toEqual({ eligible: true });
    });

    it(`${SEED}: "un abonnement annuel «Support+» pour CHF 565.-"`, () => {
      expect(supportPlus().pricing).toEqual({ kind: 'fixed', per: 'year', prices: [{ region: 'ch', ...chf(565) }] });
    });

    it(`${SEED}: valid for "une personne enregistrée"; each further person CHF 115.- a year, "abo demi-tarif obligatoire"`, () => {
      expect(supportPlus().seats).toEqual({ included: 1, extra: { per: 'year', prices: [{ region: 'ch', ...chf(115) }], requiresAddOn: 'half-fare' } });
    });

    it(`${SEED}: "120 minutes supplémentaires", "également valable pour le contrôle des données et la formation"`, () => {
      expect(supportPlus().credit).toEqual({ extraMinutes: 120, alsoCovers: ['data-checks', 'training'] });
    });

    it(`${SEED}: "Traitement prioritaire par rapport à toutes les autres demandes" and a direct line to the support team`, () => {
      expect(supportPlus().priority).toBe(true);
      expect(supportPlus().grants.services).toEqual(['direct-line']);
    });

    it(`${SEED}: "La quantité des abonnements Support+ est limitée"`, () => {
      expect(supportPlus().capacity?.maxActive).toBeGreaterThan(0);
    });
  });
});
