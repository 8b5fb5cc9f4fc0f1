/**
 * The body of a staff-created Q3 profi contract with a licence that earns credit: two main
 * modules (the "several main modules" row: 25 minutes a year) and CHF 1,200 of annual rent.
 */
export const q3ProfiContract = (customer: Record<string, unknown>, startsOn: string, more: Record<string, unknown> = {}) => ({
  customer: { country: 'CH', ...customer },
  planId: 'profi',
  startsOn,
  termMonths: 12,
  timeZone: 'Europe/Zurich',
  licence: { annualValue: { amount: 120_000, currency: 'CHF' }, mainModules: ['cofi', 'payroll'] },
  ...more,
});
