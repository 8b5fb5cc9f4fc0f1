import { describe, expect, it } from 'vitest';
import { presets } from '../../domain/catalog/presets/index';
import { presetRuntime } from '../support/preset-journey';

/**
 * Issue 3's proof for the HEZO preset (example values): reminders 60, 30 and 7 days before the end,
 * no grace (graceDays 0: only the end day itself), reinstatement from the renewal day (no
 * back-dating) with back-support for each lapsed month (a started month counts whole) at the
 * plan's monthly rate, topped up to PLN 500.00, and no reinstatement after 365 days.
 *
 * AHB 8x5 NBD (PLN 2,900.00 a year) lapsed 45 days ago: 2 months at PLN 241.67 (2,900.00 ÷ 12,
 * rounded half up) = PLN 483.34, below the minimum, so a top-up line of PLN 16.66. The customer
 * writes Polish and gives the end user's tax id (NIP), which HEZO's registration checks later.
 */
describe('HEZO journey through the HTTP API (Polish)', () => {
  const run = presetRuntime('hezo');

  it('orders, activates, reminds at 60/30/7 days, expires, lapses the next day, and reinstates late with back-support and a top-up to the minimum fee', async () => {
    const { expected, renewOn, contractId } = await run.journey({
      locale: 'pl',
      planId: 'ahb-8x5-nbd',
      regionId: 'pl',
      termMonths: 12,
      daysLate: 45,
      taxId: 'PL5260250995',
      name: 'Zakład Testowy sp. z o.o.',
    });
    // No back-dating: the new term runs from the renewal day.
    expect(expected.termStartsOn).toBe(renewOn);
    expect(expected.lines.map((l) => l.kind)).toEqual(['back-support', 'minimum-fee']);
    expect(expected.total.amount).toBe(presets.hezo.renewal.late.minimumFee[0]!.amount);
    const view = (await run.rt.call('GET', `/v1/contracts/${contractId}`, { token: run.admin })).body;
    expect(view.customer).toMatchObject({ locale: 'pl', taxId: 'PL5260250995', timeZone: 'Europe/Warsaw' });
  });
});
