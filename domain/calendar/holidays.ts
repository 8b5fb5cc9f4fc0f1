import Holidays from 'date-holidays';

/** What `holidayDates` needs: a country, optionally a subdivision, and the closing types. */
export interface HolidayQuery {
  country: string;
  subdivision?: string;
  types: readonly string[];
}

let directory: Holidays | undefined;
const countries = (): Record<string, string> => (directory ??= new Holidays()).getCountries();

/** Whether date-holidays has data for a country (ISO 3166-1 alpha-2, any case). */
export function holidayCountryExists(country: string): boolean {
  return Object.hasOwn(countries(), country.toUpperCase());
}

/** Field issues (paths relative to the calendar) for a holiday source date-holidays has no data for. */
export function holidaySourceIssues(source: { country: string; subdivision?: string } | undefined): { path: string; message: string }[] {
  if (!source) return [];
  if (!holidayCountryExists(source.country)) return [{ path: 'holidays.country', message: `No holiday data for country "${source.country}".` }];
  if (source.subdivision !== undefined && !holidaySubdivisionExists(source.country, source.subdivision))
    return [{ path: 'holidays.subdivision', message: `No holiday data for subdivision "${source.subdivision}" of "${source.country}".` }];
  return [];
}

/** Whether date-holidays has data for a subdivision (its state code, any case) of a country. */
export function holidaySubdivisionExists(country: string, subdivision: string): boolean {
  if (!holidayCountryExists(country)) return false;
  const states = (directory ??= new Holidays()).getStates(country.toUpperCase()) ?? {};
  return Object.hasOwn(states, subdivision.toUpperCase());
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of the calendar date `days` after the date `iso`. */
function shiftIsoDate(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A source of closing holiday dates for one holiday query, year by year.
 *
 * A holiday whose type is in `types` closes each local date it touches *in full* — even a part-day
 * holiday that date-holidays says starts at, say, 12:00 (Swedish eves): the date-holidays `date`
 * field gives the local date, and a holiday lasting n days (rounded, at least 1) closes n dates.
 * The local dates are the holiday's own (country) dates and are applied as dates in the
 * calendar's zone.
 */
export function holidayDates(query: HolidayQuery): (year: number) => Set<string> {
  const source = query.subdivision
    ? new Holidays(query.country.toUpperCase(), query.subdivision.toUpperCase())
    : new Holidays(query.country.toUpperCase());
  const types = new Set(query.types);
  const cache = new Map<number, ReturnType<typeof source.getHolidays>>();
  const holidaysOf = (year: number) => cache.get(year) ?? cache.set(year, source.getHolidays(year)).get(year)!;
  return (year) => {
    const dates = new Set<string>();
    const prefix = `${year}-`;
    // The previous year too: a multi-day holiday starting late in December may reach into `year`.
    for (const y of [year - 1, year]) {
      for (const holiday of holidaysOf(y)) {
        if (!types.has(holiday.type)) continue;
        const first = holiday.date.slice(0, 10);
        const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
        for (let k = 0; k < days; k++) {
          const date = k === 0 ? first : shiftIsoDate(first, k);
          if (date.startsWith(prefix)) dates.add(date);
        }
      }
    }
    return dates;
  };
}
