import { describe, expect, it } from 'vitest';
import { presets } from '../../domain/catalog/presets/index';
import { presetRuntime } from '../support/preset-journey';

/**
 * Issue 3's proof for the OnyxCeph³ preset (example values): reminders 30 and 7 days before the
 * end, 60 days' grace, back-dated to the anniversary, no penalty, a EUR 25.00 minimum fee and no
 * cut-off (maintenance is obligatory: a lapsed customer can always come back). Software
 * maintenance is priced per licence package (EUR 99.00 each); two packages quote EUR 198.00. The
 * customer writes German.
 */
describe('OnyxCeph³ journey through the HTTP API (German)', () => {
  const run = presetRuntime('onyxceph');

  it('orders two licence packages, activates, reminds at 30/7 days, expires, lapses after 60 days, and reinstates 100 days late for the minimum fee, back-dated', async () => {
    const { expected, termEndsOn, price } = await run.journey({
      locale: 'de',
      planId: 'software-maintenance',
      regionId: 'worldwide',
      termMonths: 12,
      licencePackages: 2,
      daysLate: 100,
      name: 'Praxis Dr. Beispiel',
    });
    expect(price.amount).toBe(2 * presets.onyxceph.plans.find((p) => p.id === 'software-maintenance')!.prices[0]!.amount);
    expect(expected.termStartsOn).toBe(termEndsOn);
    expect(expected.lines.map((l) => l.kind)).toEqual(['minimum-fee']);
  });
});
