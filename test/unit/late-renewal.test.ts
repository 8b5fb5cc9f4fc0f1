import { afterEach, describe, expect, it, vi } from 'vitest';
import { planPrice } from '../../domain/catalog/lookup';
import type { Money } from '../../domain/catalog/money';
import { presets } from '../../domain/catalog/presets/index';
import type { LateRenewal } from '../../domain/catalog/schema/late-renewal';
import { quoteLateRenewal, type FeeLine, type LateRenewalQuote } from '../../domain/contract/late-renewal';
import { ValidationError } from '../../domain/errors';

/**
 * The late-renewal fee, rule by rule, for each preset. Only HEZO's seed speaks of late renewal
 * (hezo-service-terms-pl.txt: "można odnawiać w trakcie ważności kontraktu"; "W przypadku
 * odnowienia serwisu po terminie może zostać dodatkowa opłata wsteczna tzw. „reactivation fee”");
 * the other presets' rules and every price are example values (see each preset's comments).
 */

const money = (amount: number, currency: string): Money => ({ amount, currency });

/** The catalog's list price for a plan, region and term (throws when the preset has none). */
function listPrice(preset: keyof typeof presets, plan: string, region: string, termMonths: number): Money {
  const price = planPrice(presets[preset], plan, region, termMonths);
  if (!price) throw new Error(`no price for ${preset}/${plan}/${region}/${termMonths}`);
  return money(price.amount, price.currency);
}

interface Case {
  name: string;
  termEndsOn: string;
  renewOn: string;
  renewalPrice?: Money;
  termMonths?: number;
  region?: string;
  expected: LateRenewalQuote;
}

const line = (kind: FeeLine['kind'], quantity: number, unit: Money): Omit<FeeLine, 'description'> => ({
  kind,
  quantity,
  unitPrice: unit,
  amount: money(unit.amount * quantity, unit.currency),
});

/** Compares a quote with the expected one; descriptions are checked separately. */
function expectQuote(actual: LateRenewalQuote, expected: LateRenewalQuote): void {
  if (actual.kind === 'reinstatement' && expected.kind === 'reinstatement') {
    const { lines, ...rest } = actual;
    const { lines: expectedLines, ...expectedRest } = expected;
    expect(rest).toEqual(expectedRest);
    expect(lines.map(({ description: _, ...l }) => l)).toEqual(expectedLines.map(({ description: _, ...l }) => l));
    for (const l of lines) expect(l.description.length).toBeGreaterThan(10);
  } else {
    expect(actual).toEqual(expected);
  }
}

function runTable(preset: keyof typeof presets, defaults: { region: string; renewalPrice: Money; termMonths: number }, cases: Case[]): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const quote = quoteLateRenewal({
      rule: presets[preset].renewal.late,
      region: c.region ?? defaults.region,
      renewalPrice: c.renewalPrice ?? defaults.renewalPrice,
      termMonths: c.termMonths ?? defaults.termMonths,
      termEndsOn: c.termEndsOn,
      renewOn: c.renewOn,
    });
    expectQuote(quote, c.expected);
  });
}

const withLines = (lines: Omit<FeeLine, 'description'>[]): FeeLine[] => lines.map((l) => ({ ...l, description: '' }));
const total = (lines: Omit<FeeLine, 'description'>[], currency: string): Money => money(lines.reduce((s, l) => s + l.amount.amount, 0), currency);

function reinstatement(newTermStartsOn: string, lapsedMonths: number, daysLate: number, lines: Omit<FeeLine, 'description'>[], currency: string): LateRenewalQuote {
  return { kind: 'reinstatement', newTermStartsOn, lapsedMonths, daysLate, lines: withLines(lines), total: total(lines, currency) };
}

const refused = (daysLate: number, cutoffDays: number): LateRenewalQuote => ({
  kind: 'refused',
  reason: `Your agreement lapsed ${daysLate} days ago; after ${cutoffDays} days it can no longer be reinstated. Please place a new order.`,
  daysLate,
  cutoffDays,
});

describe('HEZO: hezo-service-terms-pl.txt, renewal after the end date may incur a back-dated reactivation fee', () => {
  // HEZO SOS 8x5 NBD for 12 months: PLN 4,800.00 (example value) → PLN 400.00 a month.
  const price = listPrice('hezo', 'sos-8x5-nbd', 'pl', 12);
  const month = money(40_000, 'PLN');
  const minimum = 50_000; // PLN 500.00 (example value)
  const topUp = (sum: number) => line('minimum-fee', 1, money(minimum - sum, 'PLN'));

  runTable('hezo', { region: 'pl', renewalPrice: price, termMonths: 12 }, [
    {
      name: 'hezo-service-terms-pl.txt "można odnawiać w trakcie ważności kontraktu": renewed the day before the end date → on time',
      termEndsOn: '2025-03-01',
      renewOn: '2025-02-28',
      expected: { kind: 'on-time' },
    },
    {
      name: 'hezo-service-terms-pl.txt (no grace given, graceDays 0): renewed on the end date itself, the last grace day → ordinary renewal from the end date',
      termEndsOn: '2025-03-01',
      renewOn: '2025-03-01',
      expected: { kind: 'grace', newTermStartsOn: '2025-03-01', daysLate: 0 },
    },
    {
      name: 'hezo-service-terms-pl.txt "odnowienia serwisu po terminie … reactivation fee": first day after grace → one started month of back-support, topped up to the minimum fee (example value), new term from the renewal day',
      termEndsOn: '2025-03-01',
      renewOn: '2025-03-02',
      expected: reinstatement('2025-03-02', 1, 1, [line('back-support', 1, month), topUp(40_000)], 'PLN'),
    },
    {
      name: 'hezo-service-terms-pl.txt "opłata wsteczna": exactly one month late → one month of back-support + minimum-fee top-up (example value)',
      termEndsOn: '2025-03-01',
      renewOn: '2025-04-01',
      expected: reinstatement('2025-04-01', 1, 31, [line('back-support', 1, month), topUp(40_000)], 'PLN'),
    },
    {
      name: 'hezo-service-terms-pl.txt "opłata wsteczna": 1 month and 1 day late → the started month counts whole, 2 months, above the minimum',
      termEndsOn: '2025-03-01',
      renewOn: '2025-04-02',
      expected: reinstatement('2025-04-02', 2, 32, [line('back-support', 2, month)], 'PLN'),
    },
    {
      name: 'hezo-service-terms-pl.txt "opłata wsteczna", month end: term ending 31 Jan renewed 1 Mar → 31 Jan + 1 month is 28 Feb, plus a started month = 2 months',
      termEndsOn: '2025-01-31',
      renewOn: '2025-03-01',
      expected: reinstatement('2025-03-01', 2, 29, [line('back-support', 2, month)], 'PLN'),
    },
    {
      name: 'hezo-service-terms-pl.txt "opłata wsteczna", month end in a leap year: 31 Jan 2024 → 1 Mar 2024 is 29 Feb + 1 day = 2 months',
      termEndsOn: '2024-01-31',
      renewOn: '2024-03-01',
      expected: reinstatement('2024-03-01', 2, 30, [line('back-support', 2, month)], 'PLN'),
    },
    {
      name: 'hezo-service-terms-pl.txt "opłata wsteczna", month end: 31 Jan renewed 28 Feb is exactly one month (clamped to the month end)',
      termEndsOn: '2025-01-31',
      renewOn: '2025-02-28',
      expected: reinstatement('2025-02-28', 1, 28, [line('back-support', 1, month), topUp(40_000)], 'PLN'),
    },
    {
      name: 'hezo (example value: cut-off 365 days): the last day before the cut-off → 12 months of back-support',
      termEndsOn: '2025-03-01',
      renewOn: '2026-03-01',
      expected: reinstatement('2026-03-01', 12, 365, [line('back-support', 12, month)], 'PLN'),
    },
    {
      name: 'hezo (example value: cut-off 365 days): the first day after the cut-off → refused, a new order is needed',
      termEndsOn: '2025-03-01',
      renewOn: '2026-03-02',
      expected: refused(366, 365),
    },
    {
      name: 'hezo-service-terms-pl.txt "w wariantach rocznych i trzyletnich": a 3-year term → monthly rate PLN 12,900.00 ÷ 36 = PLN 358.333… rounded half up to PLN 358.33',
      termEndsOn: '2025-03-01',
      renewOn: '2025-05-15',
      renewalPrice: listPrice('hezo', 'sos-8x5-nbd', 'pl', 36),
      termMonths: 36,
      expected: reinstatement('2025-05-15', 3, 75, [line('back-support', 3, money(35_833, 'PLN'))], 'PLN'),
    },
    {
      name: 'hezo (example value: AHB 8x5 NBD, PLN 2,900.00 a year): monthly rate 24,166.67 grosze → PLN 241.67, 3 months above the minimum, no top-up',
      termEndsOn: '2025-03-01',
      renewOn: '2025-05-15',
      renewalPrice: listPrice('hezo', 'ahb-8x5-nbd', 'pl', 12),
      expected: reinstatement('2025-05-15', 3, 75, [line('back-support', 3, money(24_167, 'PLN'))], 'PLN'),
    },
  ]);

  it('hezo-service-terms-pl.txt "reactivation fee": the lines say what they charge and how the rate was rounded', () => {
    const quote = quoteLateRenewal({ rule: presets.hezo.renewal.late, region: 'pl', renewalPrice: price, termMonths: 12, termEndsOn: '2025-03-01', renewOn: '2025-03-02' });
    if (quote.kind !== 'reinstatement') throw new Error(quote.kind);
    expect(quote.lines.map((l) => l.description)).toEqual([
      'Back-support for 1 lapsed month since 2025-03-01 (a started month counts as a whole one) at PLN 400.00 a month (PLN 4800.00 ÷ 12 months, rounded half up)',
      'Top-up to the minimum reactivation fee of PLN 500.00',
    ]);
    expect(quote.total).toEqual(money(50_000, 'PLN'));
  });
});

describe('Qualisys (example rule: the seed has no late-renewal clause; qualisys-support-agreement.txt only says "your contract needs to be active")', () => {
  const gold = listPrice('qualisys', 'gold', 'americas', 12); // USD 2,500.00 (example value)
  const penalty = (amount: number) => line('penalty', 1, money(amount, 'USD'));

  runTable('qualisys', { region: 'americas', renewalPrice: gold, termMonths: 12 }, [
    { name: 'on time: renewed the day before the end date (example value)', termEndsOn: '2025-03-01', renewOn: '2025-02-28', expected: { kind: 'on-time' } },
    {
      name: 'last grace day: 30 days late → ordinary renewal from the anniversary (example value)',
      termEndsOn: '2025-03-01',
      renewOn: '2025-03-31',
      expected: { kind: 'grace', newTermStartsOn: '2025-03-01', daysLate: 30 },
    },
    {
      name: 'first day after grace: 31 days late → 10 % penalty, term back-dated to the anniversary (example value)',
      termEndsOn: '2025-03-01',
      renewOn: '2025-04-01',
      expected: reinstatement('2025-03-01', 1, 31, [penalty(25_000)], 'USD'),
    },
    {
      name: 'a started month counts whole in lapsedMonths: 1 month and 1 day → 2 (example value; no back-support, so no line for it)',
      termEndsOn: '2025-03-01',
      renewOn: '2025-04-02',
      expected: reinstatement('2025-03-01', 2, 32, [penalty(25_000)], 'USD'),
    },
    {
      name: 'month end: term ending 31 Jan 2025 renewed 1 Mar 2025 is 29 days late → grace (example value)',
      termEndsOn: '2025-01-31',
      renewOn: '2025-03-01',
      expected: { kind: 'grace', newTermStartsOn: '2025-01-31', daysLate: 29 },
    },
    {
      name: 'month end in a leap year: 31 Jan 2024 renewed 1 Mar 2024 is 30 days late → still the last grace day (example value)',
      termEndsOn: '2024-01-31',
      renewOn: '2024-03-01',
      expected: { kind: 'grace', newTermStartsOn: '2024-01-31', daysLate: 30 },
    },
    {
      name: 'month end: 31 Jan renewed 3 Mar → 31 days late, 28 Feb + 3 days = 2 started months, back-dated (example value)',
      termEndsOn: '2025-01-31',
      renewOn: '2025-03-03',
      expected: reinstatement('2025-01-31', 2, 31, [penalty(25_000)], 'USD'),
    },
    {
      name: 'last day before the cut-off: 365 days late → reinstated (example value)',
      termEndsOn: '2025-03-01',
      renewOn: '2026-03-01',
      expected: reinstatement('2025-03-01', 12, 365, [penalty(25_000)], 'USD'),
    },
    { name: 'first day after the cut-off: 366 days late → refused (example value)', termEndsOn: '2025-03-01', renewOn: '2026-03-02', expected: refused(366, 365) },
    {
      name: 'minimum-fee top-up: a discounted renewal at USD 1,500.00 → penalty USD 150.00 topped up to USD 250.00 (example value)',
      termEndsOn: '2025-03-01',
      renewOn: '2025-04-15',
      renewalPrice: money(150_000, 'USD'),
      expected: reinstatement('2025-03-01', 2, 45, [penalty(15_000), line('minimum-fee', 1, money(10_000, 'USD'))], 'USD'),
    },
    {
      name: 'a penalty exactly at the minimum needs no top-up: Gold outside the Americas, EUR 2,300.00 → EUR 230.00 (example value)',
      termEndsOn: '2025-03-01',
      renewOn: '2025-04-15',
      region: 'international',
      renewalPrice: listPrice('qualisys', 'gold', 'international', 12),
      expected: reinstatement('2025-03-01', 2, 45, [line('penalty', 1, money(23_000, 'EUR'))], 'EUR'),
    },
    {
      name: 'qualisys-support-agreement.txt "platinum package includes 2 YEARS": Platinum\'s 24-month price → penalty USD 950.00 (example value)',
      termEndsOn: '2025-03-01',
      renewOn: '2025-04-15',
      renewalPrice: listPrice('qualisys', 'platinum', 'americas', 24),
      termMonths: 24,
      expected: reinstatement('2025-03-01', 2, 45, [penalty(95_000)], 'USD'),
    },
  ]);

  it('a renewal price in another currency than the region\'s minimum fee is refused (one currency per fee)', () => {
    const quote = () =>
      quoteLateRenewal({ rule: presets.qualisys.renewal.late, region: 'americas', renewalPrice: money(230_000, 'EUR'), termMonths: 12, termEndsOn: '2025-03-01', renewOn: '2025-04-15' });
    expect(quote).toThrow(ValidationError);
    expect(quote).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ path: 'renewalPrice.currency' })] }));
  });
});

describe('OnyxCeph (example rule: onyxceph-support-levels.txt has no late-renewal clause; maintenance is "obligatory", so no cut-off)', () => {
  // onyxceph-support-levels.txt: "EUR 99 plus VAT per license package"; three packages renewed together.
  const threePackages = money(3 * listPrice('onyxceph', 'software-maintenance', 'worldwide', 12).amount, 'EUR');
  const minimumFee = line('minimum-fee', 1, money(2_500, 'EUR')); // EUR 25.00 (example value)

  runTable('onyxceph', { region: 'worldwide', renewalPrice: threePackages, termMonths: 12 }, [
    { name: 'on time: renewed the day before the end date', termEndsOn: '2025-01-01', renewOn: '2024-12-31', expected: { kind: 'on-time' } },
    {
      name: 'last grace day: 60 days late → ordinary renewal (example value)',
      termEndsOn: '2025-01-01',
      renewOn: '2025-03-02',
      expected: { kind: 'grace', newTermStartsOn: '2025-01-01', daysLate: 60 },
    },
    {
      name: 'first day after grace: 61 days late → the minimum fee alone, back-dated to the anniversary (example value)',
      termEndsOn: '2025-01-01',
      renewOn: '2025-03-03',
      expected: reinstatement('2025-01-01', 3, 61, [minimumFee], 'EUR'),
    },
    {
      name: 'month end: term ending 31 Jan renewed 1 Mar is 29 days late → grace (example value)',
      termEndsOn: '2025-01-31',
      renewOn: '2025-03-01',
      expected: { kind: 'grace', newTermStartsOn: '2025-01-31', daysLate: 29 },
    },
    {
      name: 'month end: 31 Jan renewed 2 Apr → 61 days late, 31 Mar + 2 days = 3 started months (example value)',
      termEndsOn: '2025-01-31',
      renewOn: '2025-04-02',
      expected: reinstatement('2025-01-31', 3, 61, [minimumFee], 'EUR'),
    },
    {
      name: 'onyxceph-support-levels.txt "obligatory": no cut-off, ten years late is still reinstated (example value)',
      termEndsOn: '2025-01-01',
      renewOn: '2035-01-02',
      expected: reinstatement('2025-01-01', 121, 3653, [minimumFee], 'EUR'),
    },
  ]);
});

describe('Q3 (example rule: q3-support-concept-fr.txt has no late-renewal clause; "sans licence de location actuelle … plus de support")', () => {
  // The annual rent is not in the catalog (it depends on the modules): CHF 1,200.00 (example value).
  const rent = money(120_000, 'CHF');
  const minimumFee = line('minimum-fee', 1, money(5_000, 'CHF')); // CHF 50.00 (example value)

  runTable('q3', { region: 'ch', renewalPrice: rent, termMonths: 12 }, [
    { name: 'on time: renewed the day before the rental year ends', termEndsOn: '2025-01-01', renewOn: '2024-12-31', expected: { kind: 'on-time' } },
    {
      name: 'last grace day: 14 days late → ordinary renewal of the rental year (example value)',
      termEndsOn: '2025-01-01',
      renewOn: '2025-01-15',
      expected: { kind: 'grace', newTermStartsOn: '2025-01-01', daysLate: 14 },
    },
    {
      name: 'first day after grace: 15 days late → the minimum fee, the rental year keeps its anniversary (example value)',
      termEndsOn: '2025-01-01',
      renewOn: '2025-01-16',
      expected: reinstatement('2025-01-01', 1, 15, [minimumFee], 'CHF'),
    },
    {
      name: 'month end: rental year ending 31 Jan renewed 1 Mar → 1 month and 1 day = 2 started months (example value)',
      termEndsOn: '2025-01-31',
      renewOn: '2025-03-01',
      expected: reinstatement('2025-01-31', 2, 29, [minimumFee], 'CHF'),
    },
    {
      name: 'last day before the cut-off: 90 days late → reinstated (example value)',
      termEndsOn: '2025-01-01',
      renewOn: '2025-04-01',
      expected: reinstatement('2025-01-01', 3, 90, [minimumFee], 'CHF'),
    },
    {
      name: 'q3-support-concept-fr.txt "Il est nécessaire de passer à la version de location actuelle": 91 days late → refused, a new rental order (cut-off: example value)',
      termEndsOn: '2025-01-01',
      renewOn: '2025-04-02',
      expected: refused(91, 90),
    },
  ]);
});

describe('rule-shape edge cases (hand-made rules)', () => {
  const base: LateRenewal = { graceDays: 0, backdateToAnniversary: false, backSupport: null, penaltyPercent: 0, minimumFee: [], cutoffDays: null };
  const quote = (rule: Partial<LateRenewal>, input: Partial<Parameters<typeof quoteLateRenewal>[0]> = {}) =>
    quoteLateRenewal({
      rule: { ...base, ...rule },
      region: 'ch',
      renewalPrice: money(120_000, 'CHF'),
      termMonths: 12,
      termEndsOn: '2025-03-01',
      renewOn: '2025-04-02',
      ...input,
    });
  const reinstated = (q: LateRenewalQuote) => {
    if (q.kind !== 'reinstatement') throw new Error(`expected a reinstatement, got ${q.kind}`);
    return q;
  };
  const amounts = (q: LateRenewalQuote) => reinstated(q).lines.map((l) => [l.kind, l.quantity, l.unitPrice.amount, l.amount.amount]);

  it('without startedMonthCountsWhole a started month is dropped: 1 month and 1 day → 1 month', () => {
    const q = reinstated(quote({ backSupport: { startedMonthCountsWhole: false } }));
    expect(q.lapsedMonths).toBe(1);
    expect(amounts(q)).toEqual([['back-support', 1, 10_000, 10_000]]);
  });

  it('without startedMonthCountsWhole, less than a month late charges no back-support at all', () => {
    const q = reinstated(quote({ backSupport: { startedMonthCountsWhole: false } }, { renewOn: '2025-03-21' }));
    expect(q.lapsedMonths).toBe(0);
    expect(q.lines).toEqual([]);
    expect(q.total).toEqual(money(0, 'CHF'));
  });

  it.each([
    [18, 2], // 1.5 → 2 (half up)
    [30, 3], // 2.5 → 3
    [6, 1], // 0.5 → 1
    [17, 1], // 1.4167 → 1
    [100_00, 833], // CHF 100.00 ÷ 12 = 8.333… → 8.33
    [100_06, 834], // 833.83… → 834
  ])('monthly rate: %i minor units ÷ 12 months rounds half up to %i', (price, rate) => {
    const q = reinstated(quote({ backSupport: { startedMonthCountsWhole: true } }, { renewalPrice: money(price, 'CHF') }));
    expect(amounts(q)).toEqual([['back-support', 2, rate, 2 * rate]]);
  });

  it('a monthly rate that rounds to zero charges no back-support line', () => {
    const q = reinstated(quote({ backSupport: { startedMonthCountsWhole: true } }, { renewalPrice: money(5, 'CHF') }));
    expect(q.lapsedMonths).toBe(2);
    expect(q.lines).toEqual([]);
  });

  it.each([
    [12.5, 1_001, 125], // 125.125 → 125
    [12.5, 1_004, 126], // 125.5 → 126 (half up)
    [1.15, 3_000, 35], // 34.5 exactly → 35 (3000 × 1.15 ÷ 100 in floating point is 34.4999…)
    [16.15, 1_000, 162], // 161.5 exactly → 162 (floating point: 161.4999…)
    [0.5, 100, 1], // 0.5 → 1
    [10, 250_000, 25_000],
    [100, 120_000, 120_000],
    [33.3, 300, 100], // 99.9 → 100
  ])('penalty: %d %% of %i minor units rounds half up to %i', (percent, price, penalty) => {
    expect(amounts(quote({ penaltyPercent: percent }, { renewalPrice: money(price, 'CHF') }))).toEqual([['penalty', 1, penalty, penalty]]);
  });

  it('a penalty that rounds to zero is left out', () => {
    expect(reinstated(quote({ penaltyPercent: 0.1 }, { renewalPrice: money(4, 'CHF') })).lines).toEqual([]);
  });

  it('back-support, penalty and minimum together: the minimum only tops up what the lines leave below it', () => {
    const rule = { backSupport: { startedMonthCountsWhole: true }, penaltyPercent: 5, minimumFee: [{ region: 'ch', amount: 40_000, currency: 'CHF' }] };
    // 2 months × CHF 100.00 + 5 % of CHF 1,200.00 = CHF 260.00 → topped up by CHF 140.00.
    expect(amounts(quote(rule))).toEqual([
      ['back-support', 2, 10_000, 20_000],
      ['penalty', 1, 6_000, 6_000],
      ['minimum-fee', 1, 14_000, 14_000],
    ]);
    expect(reinstated(quote(rule)).total).toEqual(money(40_000, 'CHF'));
    // Above the minimum: no top-up.
    expect(amounts(quote({ ...rule, penaltyPercent: 20 })).map((l) => l[0])).toEqual(['back-support', 'penalty']);
  });

  it('a region the rule gives no minimum fee for has none', () => {
    const q = reinstated(quote({ minimumFee: [{ region: 'pl', amount: 50_000, currency: 'PLN' }] }));
    expect(q.lines).toEqual([]);
    expect(q.total).toEqual(money(0, 'CHF'));
  });

  it('a free renewal (price 0) still owes the minimum fee', () => {
    const q = reinstated(quote({ penaltyPercent: 10, backSupport: { startedMonthCountsWhole: true }, minimumFee: [{ region: 'ch', amount: 5_000, currency: 'CHF' }] }, { renewalPrice: money(0, 'CHF') }));
    expect(q.lines).toEqual([{ kind: 'minimum-fee', description: 'Minimum reactivation fee of CHF 50.00', quantity: 1, unitPrice: money(5_000, 'CHF'), amount: money(5_000, 'CHF') }]);
  });

  it('backdateToAnniversary decides where the new term starts', () => {
    expect(reinstated(quote({ backdateToAnniversary: true })).newTermStartsOn).toBe('2025-03-01');
    expect(reinstated(quote({ backdateToAnniversary: false })).newTermStartsOn).toBe('2025-04-02');
  });

  it('a cut-off equal to the grace period leaves no reinstatement window', () => {
    expect(quote({ graceDays: 10, cutoffDays: 10 }, { renewOn: '2025-03-11' })).toEqual({ kind: 'grace', newTermStartsOn: '2025-03-01', daysLate: 10 });
    expect(quote({ graceDays: 10, cutoffDays: 10 }, { renewOn: '2025-03-12' })).toMatchObject({ kind: 'refused', daysLate: 11, cutoffDays: 10 });
  });

  it('no grace and a cut-off of 0 days: only the end day itself renews, the next day is refused, in singular where it is one day', () => {
    expect(quote({ cutoffDays: 0 }, { renewOn: '2025-03-01' }).kind).toBe('grace');
    expect(quote({ cutoffDays: 0 }, { renewOn: '2025-03-02' })).toEqual({
      kind: 'refused',
      reason: 'Your agreement lapsed 1 day ago; after 0 days it can no longer be reinstated. Please place a new order.',
      daysLate: 1,
      cutoffDays: 0,
    });
  });

  it('no cut-off: never refused', () => {
    expect(quote({ cutoffDays: null }, { renewOn: '2199-12-31' }).kind).toBe('reinstatement');
  });

  it('the example refusal sentence: 400 days late with a 365-day cut-off', () => {
    const q = quote({ cutoffDays: 365 }, { termEndsOn: '2024-01-01', renewOn: '2025-02-04' });
    expect(q).toMatchObject({ reason: 'Your agreement lapsed 400 days ago; after 365 days it can no longer be reinstated. Please place a new order.' });
  });

  it('a rule the catalog refuses (back-dated and back-support) is read literally: both apply', () => {
    const q = reinstated(quote({ backdateToAnniversary: true, backSupport: { startedMonthCountsWhole: true } }));
    expect(q.newTermStartsOn).toBe('2025-03-01');
    expect(amounts(q)).toEqual([['back-support', 2, 10_000, 20_000]]);
  });

  it('days are calendar days: a DST change between the dates changes nothing', () => {
    expect(quote({ graceDays: 2 }, { termEndsOn: '2025-03-29', renewOn: '2025-03-31' })).toEqual({ kind: 'grace', newTermStartsOn: '2025-03-29', daysLate: 2 });
    expect(quote({ graceDays: 2 }, { termEndsOn: '2025-10-25', renewOn: '2025-10-28' })).toMatchObject({ kind: 'reinstatement', daysLate: 3 });
  });

  it('a term from 29 Feb: 29 Feb 2024 + 12 months is 28 Feb 2025, so renewing then is exactly 12 months late', () => {
    const q = reinstated(quote({ backSupport: { startedMonthCountsWhole: true }, cutoffDays: null }, { termEndsOn: '2024-02-29', renewOn: '2025-02-28' }));
    expect(q.lapsedMonths).toBe(12);
    expect(q.daysLate).toBe(365);
  });

  it.each([
    [{ termEndsOn: '2025-02-30' }, 'termEndsOn'],
    [{ renewOn: '2025-4-2' }, 'renewOn'],
    [{ renewOn: '2025-04-02T00:00:00Z' }, 'renewOn'],
    [{ termMonths: 0 }, 'termMonths'],
    [{ termMonths: 1.5 }, 'termMonths'],
    [{ renewalPrice: money(12.5, 'CHF') }, 'renewalPrice.amount'],
    [{ renewalPrice: money(-1, 'CHF') }, 'renewalPrice.amount'],
  ])('bad input %j is a ValidationError at %s', (input, path) => {
    expect(() => quote({}, input)).toThrow(expect.objectContaining({ name: 'ValidationError', fields: [expect.objectContaining({ path })] }));
  });

  describe('pure: the clock does not matter', () => {
    afterEach(() => vi.useRealTimers());
    it('gives the same quote whatever the system time', () => {
      const rule = { backSupport: { startedMonthCountsWhole: true }, penaltyPercent: 5 };
      const before = quote(rule);
      vi.useFakeTimers();
      vi.setSystemTime(new Date('1999-12-31T23:59:59Z'));
      expect(quote(rule)).toEqual(before);
    });
  });
});
