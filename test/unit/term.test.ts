import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, termEnd } from '../../domain/contract/term';

describe('term arithmetic in the customer zone', () => {
  it('ends at local midnight of the anniversary, even when the term began on a day without a midnight', () => {
    // America/Santiago skipped 00:00 on 2025-09-07 (clocks went to 01:00); 2026-09-07 has a midnight (UTC−3).
    expect(termEnd('2025-09-07', 12, 'America/Santiago')).toEqual({ endsOn: '2026-09-07', endsAt: '2026-09-07T03:00:00.000Z' });
  });

  it('starts the end day at 01:00 where that day has no midnight', () => {
    expect(termEnd('2025-08-07', 1, 'America/Santiago')).toEqual({ endsOn: '2025-09-07', endsAt: '2025-09-07T04:00:00.000Z' });
  });

  it('clamps to the month end (29 Feb + 12 months = 28 Feb) and honours DST in Europe', () => {
    expect(termEnd('2024-02-29', 12, 'Europe/Berlin')).toEqual({ endsOn: '2025-02-28', endsAt: '2025-02-27T23:00:00.000Z' });
    expect(termEnd('2025-03-30', 12, 'Europe/Berlin')).toEqual({ endsOn: '2026-03-30', endsAt: '2026-03-29T22:00:00.000Z' });
  });

  it('spells zones canonically', () => {
    expect(canonicalTimeZone('europe/stockholm')).toBe('Europe/Stockholm');
  });
});
