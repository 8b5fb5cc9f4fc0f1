import { DateTime } from 'luxon';

const HOUR = 3_600_000;
/** UTC offsets (minutes) by zone and UTC hour, when the offset holds for the whole hour. */
const offsets = new Map<string, number | null>();
const MAX_CACHED = 200_000;

/**
 * The calendar date (YYYY-MM-DD) of an instant in a zone: luxon's answer, with the zone's offset
 * remembered per UTC hour where it holds all hour (DST changes fall on whole or half hours; an
 * hour with a change is never remembered), so a rebuild does not ask luxon once per line.
 */
export function bookingDate(instant: string, zone: string): string {
  const ms = Date.parse(instant);
  const hour = Math.floor(ms / HOUR);
  const key = `${zone} ${hour}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const start = DateTime.fromMillis(hour * HOUR, { zone }).offset;
    const end = DateTime.fromMillis(hour * HOUR + HOUR - 1, { zone }).offset;
    offset = start === end ? start : null;
    if (offsets.size >= MAX_CACHED) offsets.clear();
    offsets.set(key, offset);
  }
  if (offset === null || Number.isNaN(ms)) return DateTime.fromISO(instant, { zone }).toISODate()!;
  return new Date(ms + offset * 60_000).toISOString().slice(0, 10);
}
