import type { IANAZone } from 'luxon';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * UTC offsets of a zone over one span of instants, as a list of transitions, so that converting
 * wall times costs a short scan instead of an Intl call. Built by sampling the zone's offset each
 * day and bisecting each change to the minute (offsets that change twice within one day are not
 * seen; no zone in use does that).
 */
export class ZoneOffsets {
  /** `at[i]` = first instant with offset `minutes[i]`; `at[0]` = span start. */
  private readonly at: number[] = [];
  private readonly minutes: number[] = [];

  constructor(zone: IANAZone, from: number, to: number) {
    let previous = zone.offset(from);
    this.at.push(from);
    this.minutes.push(previous);
    for (let t = from + DAY_MS; t < to + DAY_MS; t += DAY_MS) {
      const current = zone.offset(t);
      if (current !== previous) {
        let lo = t - DAY_MS; // offset `previous`
        let hi = t; // offset `current`
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (zone.offset(mid) === previous) lo = mid;
          else hi = mid;
        }
        this.at.push(hi);
        this.minutes.push(current);
        previous = current;
      }
    }
  }

  /** Offset in minutes at instant `t`. */
  offset(t: number): number {
    let i = this.at.length - 1;
    while (i > 0 && t < this.at[i]) i--;
    return this.minutes[i];
  }

  /** The instant of a wall time (see `wallToInstant`). */
  instant(wall: number): number {
    return wallToInstant((t) => this.offset(t), wall);
  }
}

/**
 * The instant of a wall time given as `wall` = Date.UTC(local fields), for a zone given by its
 * offset function (minutes). A wall time that exists twice (fall-back) is the earlier instant (in
 * summer time); one that does not exist (spring-forward gap) is read with the offset before the
 * gap, i.e. moved forward by the gap (02:30 → 03:30 in Europe/Warsaw), as luxon and Temporal
 * ("compatible") do. Deterministic (luxon's own `fromObject` resolves a repeated wall time
 * depending on the current date, so it is not used here).
 */
export function wallToInstant(offset: (t: number) => number, wall: number): number {
  const before = offset(wall - DAY_MS);
  const after = offset(wall + DAY_MS);
  const early = wall - Math.max(before, after) * MINUTE_MS;
  if (offset(early) * MINUTE_MS === wall - early) return early;
  const late = wall - Math.min(before, after) * MINUTE_MS;
  if (offset(late) * MINUTE_MS === wall - late) return late;
  return wall - before * MINUTE_MS;
}
