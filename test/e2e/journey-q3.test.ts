import { describe, expect, it } from 'vitest';
import { presets } from '../../domain/catalog/presets/index';
import { presetRuntime } from '../support/preset-journey';

/**
 * Issue 3's proof for the Q3 preset (example values): reminders 30 and 14 days before the end, 14
 * days' grace, the rental year keeps its anniversary (back-dated), no penalty, a CHF 50.00 minimum
 * fee, and no reinstatement after 90 days. Q3's rental variants have no list price, so the order's
 * quote is CHF 0.00 and the whole reactivation fee is the minimum. The customer writes French.
 */
describe('Q3 journey through the HTTP API (French)', () => {
  const run = presetRuntime('q3');

  it('orders (no list price: quote 0), activates, reminds at 30/14 days, expires, lapses after 14 days, and reinstates 40 days late for the minimum fee, back-dated', async () => {
    const { expected, termEndsOn, price } = await run.journey({
      locale: 'fr',
      planId: 'profi',
      regionId: 'ch',
      termMonths: 12,
      daysLate: 40,
      name: 'Fiduciaire Exemple SA',
    });
    expect(price).toEqual({ amount: 0, currency: 'CHF' });
    expect(expected.termStartsOn).toBe(termEndsOn);
    expect(expected.lines.map((l) => l.kind)).toEqual(['minimum-fee']);
    const { region: _ch, ...minimum } = presets.q3.renewal.late.minimumFee.find((m) => m.region === 'ch')!;
    expect(expected.total).toEqual(minimum);
  });
});
