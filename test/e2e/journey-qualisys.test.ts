import { describe, expect, it } from 'vitest';
import { presets } from '../../domain/catalog/presets/index';
import { presetRuntime } from '../support/preset-journey';

/**
 * Issue 3's proof for the Qualisys preset (example values): reminders 60, 30 and 7 days before the
 * end, 30 days' grace, back-dated to the anniversary, a 10 % penalty with a minimum (USD 250.00 in
 * the Americas, EUR 230.00 elsewhere), and no reinstatement after 365 days. Two customers, so the
 * fifth language appears too: a Swedish one outside the Americas on Diamond (10 % of EUR 3,700.00
 * is EUR 370.00, above the minimum) and an English one in the Americas on Gold (10 % of USD
 * 2,500.00 is exactly the USD 250.00 minimum: no top-up line).
 */
describe('Qualisys journeys through the HTTP API (Swedish and English)', () => {
  const run = presetRuntime('qualisys');

  it('Diamond, international, Swedish: reminds at 60/30/7 days, lapses after 30 days, and reinstates 60 days late with the 10 % penalty, back-dated', async () => {
    const { expected, termEndsOn } = await run.journey({
      locale: 'sv',
      planId: 'diamond',
      regionId: 'international',
      termMonths: 12,
      daysLate: 60,
      name: 'Sven Svensson',
    });
    expect(expected.termStartsOn).toBe(termEndsOn);
    expect(expected.lines.map((l) => l.kind)).toEqual(['penalty']);
  });

  it('Gold, Americas, English: the penalty equals the minimum, so no top-up line', async () => {
    const { expected } = await run.journey({
      locale: 'en',
      planId: 'gold',
      regionId: 'americas',
      termMonths: 12,
      daysLate: 200,
      name: 'Ada Lovelace',
    });
    expect(expected.lines.map((l) => l.kind)).toEqual(['penalty']);
    const { region: _americas, ...minimum } = presets.qualisys.renewal.late.minimumFee.find((m) => m.region === 'americas')!;
    expect(expected.total).toEqual(minimum);
  });
});
