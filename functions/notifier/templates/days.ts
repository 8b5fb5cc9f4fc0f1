const DAY_MS = 86_400_000;

/** The calendar date (YYYY-MM-DD) of an instant in a zone, with the platform's Intl (no date library in the notifier's bundle). */
const dateIn = (instant: string, timeZone: string): string => {
  const parts = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
};

/** Whole calendar days from the event's day (in the customer's zone) to `isoDate`: a reminder's "days left". */
export const daysUntil = (isoDate: string, occurredAt: string, timeZone: string): number =>
  Math.round((Date.parse(`${isoDate}T00:00:00Z`) - Date.parse(`${dateIn(occurredAt, timeZone)}T00:00:00Z`)) / DAY_MS);
