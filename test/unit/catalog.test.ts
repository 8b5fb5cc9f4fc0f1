import { describe, expect, it } from 'vitest';
import { CatalogError, loadCatalog } from '../../domain/catalog/load';
import { checkCatalogCalendars } from '../../domain/catalog/calendars';
import { presetNames, presets, type PresetName } from '../../domain/catalog/presets/index';

/** A deep copy of a preset, changed by `change`, as plain data a vendor could have written. */
function edited(preset: PresetName, change: (catalog: any) => void): unknown {
  const copy = structuredClone(presets[preset]);
  change(copy);
  return copy;
}

function issuesOf(data: unknown) {
  try {
    loadCatalog(data);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return (error as CatalogError).issues;
  }
  throw new Error('the catalog was accepted');
}

describe('catalog loading', () => {
  it.each(presetNames)('loads the %s preset, and its loaded form loads again unchanged', (name) => {
    const catalog = presets[name];
    expect(loadCatalog(structuredClone(catalog))).toEqual(catalog);
  });

  it('keeps the plans and terms the contract spine sells (qualisys-support-agreement.txt: Gold/Diamond 12 months, Platinum 2 years)', () => {
    const { plans, defaultTimeZone } = presets.qualisys;
    expect(plans.map((p) => [p.id, p.name, p.termsMonths])).toEqual([
      ['gold', 'Gold', [12]],
      ['diamond', 'Diamond', [12]],
      ['platinum', 'Platinum', [24]],
    ]);
    expect(defaultTimeZone).toBe('Europe/Stockholm');
  });

  it('refuses a catalog that is not an object at all', () => {
    expect(issuesOf(undefined)).toEqual([{ path: '', message: expect.any(String) }]);
  });

  it('lists every issue at once, each with its path, in the error message too', () => {
    const data = edited('qualisys', (c) => {
      c.plans[0].termsMonths = [12, 0];
      c.plans.push({ ...structuredClone(c.plans[1]) });
      c.renewal.reminderDaysBefore = [7, 7];
    });
    try {
      loadCatalog(data);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogError);
      const { issues, message } = error as CatalogError;
      expect(issues.map((i) => i.path)).toEqual(['plans.0.termsMonths.1', 'plans.3.id', 'renewal.reminderDaysBefore.1']);
      expect(message).toContain('plans.3.id: Duplicate plan id diamond.');
      expect((error as CatalogError).code).toBe('invalid_catalog');
    }
  });

  // Each broken catalog: the preset it starts from, what breaks, the path(s) reported, and the message.
  const broken: [string, PresetName, (c: any) => void, string[], RegExp][] = [
    // money and prices
    ['a fractional amount', 'qualisys', (c) => (c.plans[2].prices[0].amount = 12.5), ['plans.2.prices.0.amount'], /integers in minor units/],
    ['a negative amount', 'qualisys', (c) => (c.plans[2].prices[0].amount = -100), ['plans.2.prices.0.amount'], /negative/],
    ['a currency that is not ISO 4217', 'qualisys', (c) => (c.plans[0].prices[0].currency = 'XYZ'), ['plans.0.prices.0.currency'], /ISO 4217/],
    ['a price not in its region’s currency', 'qualisys', (c) => (c.plans[0].prices[0].currency = 'EUR'), ['plans.0.prices.0.currency'], /americas is priced in USD, not EUR/],
    ['a price for an unknown region', 'qualisys', (c) => (c.plans[0].prices[0].region = 'asia'), ['plans.0.prices.0.region'], /Unknown region asia/],
    ['a price for a term the plan is not sold for', 'qualisys', (c) => (c.plans[0].prices[0].termMonths = 24), ['plans.0.prices.0.termMonths'], /Gold is not sold for 24 months/],
    ['two prices for one region and term', 'qualisys', (c) => c.plans[0].prices.push({ ...c.plans[0].prices[0] }), ['plans.0.prices.2.region'], /Duplicate price/],
    ['a zero-month term', 'qualisys', (c) => (c.plans[0].termsMonths = [12, 0]), ['plans.0.termsMonths.1'], /at least one month/],
    ['a term sold twice', 'hezo', (c) => (c.plans[0].termsMonths = [12, 36, 12]), ['plans.0.termsMonths.2'], /Duplicate term 12/],
    // ids and fields
    ['two plans with one id', 'qualisys', (c) => c.plans.push(structuredClone(c.plans[0])), ['plans.3.id'], /Duplicate plan id gold/],
    ['two regions with one id', 'hezo', (c) => c.regions.push({ id: 'pl', name: 'Polska', currency: 'PLN' }), ['regions.1.id'], /Duplicate region id pl/],
    ['an id with capitals', 'qualisys', (c) => c.services.push({ id: 'QTM-Cloud', name: 'QTM Cloud' }), ['services.14.id'], /lower-case/],
    ['a field the schema does not know', 'qualisys', (c) => (c.plans[0].discount = 10), ['plans.0.discount'], /Unknown field/],
    ['a missing required section', 'qualisys', (c) => delete c.renewal, ['renewal'], /.+/],
    ['an unknown time zone', 'qualisys', (c) => (c.defaultTimeZone = 'Mars/Olympus'), ['defaultTimeZone'], /IANA/],
    // entitlements and SLAs
    ['a plan covering an unknown service', 'qualisys', (c) => c.plans[0].entitlements.services.push('teleportation'), ['plans.0.entitlements.services.7'], /Unknown service teleportation/],
    ['an unknown channel', 'qualisys', (c) => c.plans[0].entitlements.channels.push('fax'), ['plans.0.entitlements.channels.4'], /.+/],
    ['an allowance for a service the plan lacks', 'qualisys', (c) => (c.plans[2].entitlements.allowances[0].service = 'bug-fixes-x'), ['plans.2.entitlements.allowances.0.service'], /does not include/],
    ['an SLA on an unknown window', 'qualisys', (c) => (c.plans[0].sla.window = 'nights'), ['plans.0.sla.window'], /Unknown service window nights/],
    ['an SLA target on a channel the plan lacks', 'qualisys', (c) => (c.plans[0].sla.targets[0].channel = 'on-site'), ['plans.0.sla.targets.0.channel'], /does not include/],
    ['an SLA target in hours (not a unit)', 'hezo', (c) => (c.plans[0].sla.targets[0].within = { unit: 'hours', value: 1 }), ['plans.0.sla.targets.0.within.unit'], /.+/],
    ['two reaction targets', 'hezo', (c) => c.plans[0].sla.targets.push({ ...c.plans[0].sla.targets[0] }), ['plans.0.sla.targets.2.metric'], /Duplicate target reaction/],
    ['a window that ends before it starts', 'qualisys', (c) => ((c.serviceWindows[0].calendar.hours as any).mon = [{ from: '09:00', to: '08:00' }]), ['serviceWindows.0.calendar.hours.mon.0.to'], /end after it starts/],
    ['a window time that is not HH:MM', 'hezo', (c) => ((c.serviceWindows[0].calendar.hours as any).tue = [{ from: '9am', to: '17:00' }]), ['serviceWindows.0.calendar.hours.tue.0.from', 'serviceWindows.0.calendar.hours.tue.0.to'], /HH:MM/],
    ['overlapping windows on one day', 'hezo', (c) => ((c.serviceWindows[0].calendar.hours as any).wed = [{ from: '08:00', to: '12:00' }, { from: '11:00', to: '24:00' }]), ['serviceWindows.0.calendar.hours.wed.1.from'], /overlap/],
    // registration and RMA
    ['a return window of no days', 'hezo', (c) => (c.plans[0].rma.returnWithinDays = 0), ['plans.0.rma.returnWithinDays'], /.+/],
    ['a registration fact asked twice', 'hezo', (c) => c.plans[0].registration.requires.push({ fact: 'contract-number', mustMatchOrder: false }), ['plans.0.registration.requires.3.fact'], /Duplicate fact/],
    // add-ons
    ['an add-on for an unknown plan', 'qualisys', (c) => c.addOns[1].eligiblePlans.push('bronze'), ['addOns.1.eligiblePlans.2'], /Unknown plan bronze/],
    ['an add-on mandatory for an unknown segment', 'qualisys', (c) => (c.addOns[2].mandatoryFor = ['veterinary']), ['addOns.2.mandatoryFor.0'], /Unknown customer segment/],
    ['size bands that do not grow', 'qualisys', (c) => (c.addOns[0].pricing.bands[1].upTo = 4), ['addOns.0.pricing.bands.1.upTo'], /Bands must grow/],
    ['an open-ended band before the last', 'qualisys', (c) => (c.addOns[0].pricing.bands[0].upTo = null), ['addOns.0.pricing.bands.0.upTo'], /last band/],
    ['an add-on price in the wrong currency', 'qualisys', (c) => (c.addOns[2].pricing.prices[0].currency = 'CAD'), ['addOns.2.pricing.prices.0.currency'], /USD, not CAD/],
    ['extra seats requiring the add-on itself', 'q3', (c) => (c.addOns[1].seats.extra.requiresAddOn = 'support-plus'), ['addOns.1.seats.extra.requiresAddOn'], /cannot require itself/],
    ['extra seats requiring an unknown add-on', 'q3', (c) => (c.addOns[1].seats.extra.requiresAddOn = 'quarter-fare'), ['addOns.1.seats.extra.requiresAddOn'], /Unknown add-on quarter-fare/],
    ['add-on credit for an unknown service', 'q3', (c) => c.addOns[1].credit.alsoCovers.push('massage'), ['addOns.1.credit.alsoCovers.2'], /Unknown service massage/],
    ['add-on credit in a catalog without credit', 'q3', (c) => delete c.credit, ['addOns.1.credit'], /needs the catalog to include support-time credit/],
    // credit
    ['a credit row for an unknown variant', 'q3', (c) => (c.credit.allowances[0].plan = 'gratis'), ['credit.allowances.0.plan'], /Unknown plan gratis/],
    ['a credit row for an unknown scope', 'q3', (c) => (c.credit.allowances[0].scope = 'all-modules'), ['credit.allowances.0.scope'], /Unknown scope all-modules/],
    ['two credit rows for one cell', 'q3', (c) => c.credit.allowances.push({ ...c.credit.allowances[0] }), ['credit.allowances.8.plan'], /Duplicate row/],
    ['no scope that every licence falls in', 'q3', (c) => (c.credit.scopes[0].minMainModules = 1), ['credit.scopes'], /minMainModules 0/],
    ['a scope needing more main modules than exist', 'q3', (c) => (c.credit.scopes[1].minMainModules = 5), ['credit.scopes.1.minMainModules'], /names 4/],
    ['a credit threshold in the wrong currency', 'q3', (c) => (c.credit.minimumAnnualValue[0].currency = 'EUR'), ['credit.minimumAnnualValue.0.currency'], /CHF, not EUR/],
    // rates
    ['a rate not in its region’s currency', 'q3', (c) => (c.billing.rates[1].perHour.currency = 'EUR'), ['billing.rates.1.perHour.currency'], /CHF, not EUR/],
    ['a half-fare rate not in its region’s currency', 'q3', (c) => (c.billing.rates[0].reduced.perHour.currency = 'EUR'), ['billing.rates.0.reduced.perHour.currency'], /CHF, not EUR/],
    ['a rate for an unknown service', 'q3', (c) => (c.billing.rates[1].service = 'yoga'), ['billing.rates.1.service'], /Unknown service yoga/],
    ['a reduced rate above the full rate', 'q3', (c) => (c.billing.rates[0].reduced.perHour.amount = 20_000), ['billing.rates.0.reduced.perHour.amount'], /below CHF 175.00/],
    ['a reduction by an unknown add-on', 'q3', (c) => (c.billing.rates[0].reduced.withAddOn = 'quarter-fare'), ['billing.rates.0.reduced.withAddOn'], /Unknown add-on/],
    ['a billing unit of no minutes', 'q3', (c) => (c.billing.minimumUnitMinutes = 0), ['billing.minimumUnitMinutes'], /.+/],
    ['hourly billing without rates', 'q3', (c) => delete c.billing, ['outOfScopeWork'], /needs `billing`/],
    // VAT
    ['a VAT rate for a country that is no ISO code', 'q3', (c) => (c.vat[0].country = 'Suisse'), ['vat.0.country'], /ISO 3166-1/],
    ['a VAT rate with three decimals', 'q3', (c) => (c.vat[0].percent = 7.705), ['vat.0.percent'], /two decimals/],
    ['two VAT rates from the same day', 'q3', (c) => c.vat.push({ ...c.vat[0] }), ['vat.2.since'], /Duplicate rate/],
    ['a region country that is no ISO code', 'q3', (c) => (c.regions[0].country = 'ch'), ['regions.0.country'], /ISO 3166-1/],
    // support levels
    ['an escalation to an unknown level', 'onyxceph', (c) => (c.supportLevels[0].escalatesTo = 'level-2'), ['supportLevels.0.escalatesTo'], /Unknown support level level-2/],
    ['a level escalating to itself', 'onyxceph', (c) => (c.supportLevels[0].escalatesTo = 'level-0'), ['supportLevels.0.escalatesTo'], /itself/],
    ['two first-contact levels', 'onyxceph', (c) => (c.supportLevels[1].firstContact = true), ['supportLevels'], /Exactly one level/],
    ['one topic on two levels', 'onyxceph', (c) => c.supportLevels[1].topics.push({ id: 'database-backup', name: 'Backup' }), ['supportLevels.1.topics.4.id'], /Duplicate topic/],
    ['a plan with an unknown level', 'onyxceph', (c) => c.plans[1].supportLevels.push('level-9'), ['plans.1.supportLevels.2'], /Unknown support level/],
    // renewal
    ['a cut-off before the grace period ends', 'qualisys', (c) => (c.renewal.late.cutoffDays = 10), ['renewal.late.cutoffDays'], /cannot come before the grace period/],
    ['a penalty above 100 %', 'qualisys', (c) => (c.renewal.late.penaltyPercent = 150), ['renewal.late.penaltyPercent'], /at most 100/],
    ['a negative grace period', 'hezo', (c) => (c.renewal.late.graceDays = -1), ['renewal.late.graceDays'], /.+/],
    ['back-support on a back-dated term', 'qualisys', (c) => (c.renewal.late.backSupport = { startedMonthCountsWhole: true }), ['renewal.late.backSupport'], /twice/],
    ['a minimum fee in the wrong currency', 'hezo', (c) => (c.renewal.late.minimumFee[0].currency = 'EUR'), ['renewal.late.minimumFee.0.currency'], /PLN, not EUR/],
    ['two minimum fees for one region', 'onyxceph', (c) => c.renewal.late.minimumFee.push({ ...c.renewal.late.minimumFee[0] }), ['renewal.late.minimumFee.1.region'], /Duplicate amount for region/],
    ['the same reminder offset twice', 'hezo', (c) => (c.renewal.reminderDaysBefore = [30, 30]), ['renewal.reminderDaysBefore.1'], /Duplicate reminder offset 30/],
  ];

  it.each(broken)('refuses %s (%s preset)', (_what, preset, change, paths, message) => {
    const issues = issuesOf(edited(preset, change));
    expect(issues.map((i) => i.path)).toEqual(paths);
    expect(issues[0].message).toMatch(message);
  });
});

describe('the deep check of the business calendars (run by the CDK app at synth)', () => {
  it.each(presetNames)('%s: every service window computes', (name) => {
    expect(() => checkCatalogCalendars(presets[name])).not.toThrow();
  });

  it('refuses a holiday country or subdivision date-holidays has no data for, with the path', () => {
    const catalog = structuredClone(presets.hezo);
    catalog.serviceWindows[1].calendar.holidays = { country: 'xx', types: ['public'] };
    catalog.serviceWindows[0].calendar.holidays = { country: 'pl', subdivision: 'zz', types: ['public'] };
    try {
      checkCatalogCalendars(catalog);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogError);
      expect((error as CatalogError).issues).toEqual([
        { path: 'serviceWindows.0.calendar.holidays.subdivision', message: 'No holiday data for subdivision "zz" of "pl".' },
        { path: 'serviceWindows.1.calendar.holidays.country', message: 'No holiday data for country "xx".' },
      ]);
    }
  });
});
