import { describe, expect, it } from 'vitest';
import { presets } from '../../domain/catalog/presets/index';

// Only HEZO's seed speaks of late renewal; the other rules are example values (see each preset).
describe('late-renewal rule and reminders of each preset', () => {
  it('hezo-service-terms-pl.txt: renewal "po terminie" may incur a back-dated "reactivation fee" (no grace, lapsed months charged back, a started month whole)', () => {
    expect(presets.hezo.renewal.late).toEqual({
      graceDays: 0,
      backdateToAnniversary: false,
      backSupport: { startedMonthCountsWhole: true },
      penaltyPercent: 0,
      minimumFee: [{ region: 'pl', amount: 50_000, currency: 'PLN' }],
      cutoffDays: 365,
    });
  });

  it('qualisys (example rule): 30 days grace, term back-dated to the anniversary, 10 % penalty with a minimum, refused after a year', () => {
    expect(presets.qualisys.renewal.late).toEqual({
      graceDays: 30,
      backdateToAnniversary: true,
      backSupport: null,
      penaltyPercent: 10,
      minimumFee: [
        { region: 'americas', amount: 25_000, currency: 'USD' },
        { region: 'international', amount: 23_000, currency: 'EUR' },
      ],
      cutoffDays: 365,
    });
  });

  it('onyxceph (example rule): obligatory maintenance can always be reinstated (no cut-off), back-dated, with a minimum fee', () => {
    expect(presets.onyxceph.renewal.late).toEqual({
      graceDays: 60,
      backdateToAnniversary: true,
      backSupport: null,
      penaltyPercent: 0,
      minimumFee: [{ region: 'worldwide', amount: 2_500, currency: 'EUR' }],
      cutoffDays: null,
    });
  });

  it('q3 (example rule): the rental year keeps its anniversary; after 90 days a new rental order is needed', () => {
    expect(presets.q3.renewal.late).toEqual({
      graceDays: 14,
      backdateToAnniversary: true,
      backSupport: null,
      penaltyPercent: 0,
      minimumFee: [{ region: 'ch', amount: 5_000, currency: 'CHF' }],
      cutoffDays: 90,
    });
  });

  it('every preset charges something for a late reinstatement and gives each region it sells in a minimum fee', () => {
    for (const catalog of Object.values(presets)) {
      const { late } = catalog.renewal;
      expect(late.backSupport !== null || late.penaltyPercent > 0 || late.minimumFee.length > 0).toBe(true);
      expect(late.minimumFee.map((f) => f.region).sort()).toEqual(catalog.regions.map((r) => r.id).sort());
    }
  });

  it('reminder offsets (example values: no seed names them) are distinct days before the term ends', () => {
    expect(Object.fromEntries(Object.entries(presets).map(([name, c]) => [name, c.renewal.reminderDaysBefore]))).toEqual({
      qualisys: [60, 30, 7],
      onyxceph: [30, 7],
      q3: [30, 14],
      hezo: [60, 30, 7],
    });
  });
});
