/** First instant the calendar answers for: 2000-01-01T00:00:00Z. */
export const HORIZON_START = Date.UTC(2000, 0, 1);
/** Last instant the calendar answers for: 2101-01-01T00:00:00Z (all of 2100 is inside). */
export const HORIZON_END = Date.UTC(2101, 0, 1);

/** Refuses an instant that is not a whole epoch millisecond inside the horizon. */
export function checkInstant(at: number, name: string): void {
  if (!(at >= HORIZON_START && at <= HORIZON_END) || !Number.isInteger(at)) {
    throw new RangeError(
      `${name} must be a whole epoch millisecond between 2000-01-01T00:00Z and 2101-01-01T00:00Z, got ${describe(at)}.`,
    );
  }
}

/** Refuses a result that falls after the horizon. */
export function beyondHorizon(what: string): RangeError {
  return new RangeError(`${what} falls after the calendar horizon (2101-01-01T00:00Z).`);
}

function describe(at: number): string {
  return Number.isFinite(at) && Math.abs(at) < 8.64e15 ? `${at} (${new Date(at).toISOString()})` : String(at);
}
