import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../domain/catalog/presets/index';
import { activeCatalog } from '../../functions/runtime/catalog';
import { startTestRuntime, type TestRuntime } from '../support/local-runtime';
import { runJourney } from '../support/preset-journey';

/**
 * Issue 3's proof for the Q3 preset (example values): reminders 30 and 14 days before the end, 14
 * days' grace, the rental year keeps its anniversary (back-dated), no penalty, a CHF 50.00 minimum
 * fee, and no reinstatement after 90 days. Q3's rental variants have no list price, so the order's
 * quote is CHF 0.00 and the whole reactivation fee is the minimum. The customer writes French.
 */
process.env.CATALOG_PRESET = 'q3';

describe('Q3 journey through the HTTP API (French)', () => {
  let rt: TestRuntime;
  let admin: string;
  beforeAll(async () => {
    rt = await startTestRuntime();
    admin = await rt.token('admin');
  });
  afterAll(() => rt?.stop());

  it('orders (no list price: quote 0), activates, reminds at 30/14 days, expires, lapses after 14 days, and reinstates 40 days late for the minimum fee, back-dated', async () => {
    expect(activeCatalog()).toBe(presets.q3);
    const { expected, termEndsOn, price } = await runJourney(rt, admin, {
      catalog: presets.q3,
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
