import { compileCalendar } from '../calendar/compile';
import { ValidationError } from '../errors';
import { CatalogError } from './load';
import type { Catalog } from './schema/catalog';

/**
 * The deep check of a catalog's service windows: each calendar compiles (date-holidays has data for
 * its country and subdivision). Kept apart from `loadCatalog` so the functions that only read the
 * catalog do not bundle the holiday data; the CDK app runs it at synth, so no catalog with a
 * calendar that cannot be computed is deployed.
 */
export function checkCatalogCalendars(catalog: Catalog): void {
  const issues = catalog.serviceWindows.flatMap((window, i) => {
    try {
      compileCalendar(window.calendar);
      return [];
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return error.fields.map((f) => ({ path: `serviceWindows.${i}.calendar.${f.path}`, message: f.message }));
    }
  });
  if (issues.length > 0) throw new CatalogError(issues);
}
