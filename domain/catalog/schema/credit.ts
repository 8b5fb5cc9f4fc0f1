import * as z from 'zod';
import { Id, Name, Named } from './basics';
import { checkRefs, checkUnique, type Path } from './checks';
import { checkRegionalList, RegionalMoney } from './regions';
import type { Refs } from './refs';

/**
 * A module scope of the credit table: it applies to a licence with at least `minMainModules` of
 * the catalog's main modules (the scope with the highest threshold met wins).
 */
export const CreditScope = z.strictObject({ id: Id, name: Name, minMainModules: z.int().min(0).max(100) });
export type CreditScope = z.infer<typeof CreditScope>;

/** One cell of the credit table: a plan (variant) and a module scope. */
export const CreditAllowance = z.strictObject({ plan: Id, scope: Id, minutes: z.int().min(0).max(100_000) });
export type CreditAllowance = z.infer<typeof CreditAllowance>;

/**
 * Support time included free of charge per contract year, by plan and module scope. Time is spent
 * from it first; when it is used up, the work is billed at `billing.rates`.
 */
export const Credit = z.strictObject({
  /** The credit is granted per contract year (a rental year, for a rental licence). */
  period: z.enum(['contract-year']),
  /** Credit is granted only when the contract's annual value (e.g. the annual rent) reaches this, per region. */
  minimumAnnualValue: z.array(RegionalMoney).default([]),
  /** The services credit pays for (add-ons may widen this). */
  covers: z.array(Id).min(1, 'Name the services the credit pays for.'),
  /** The modules that count towards a scope's `minMainModules`. */
  mainModules: z.array(Named).default([]),
  scopes: z.array(CreditScope).min(1, 'Give at least one module scope.'),
  allowances: z.array(CreditAllowance).min(1, 'Give at least one row of the credit table.'),
  /** Credit can be sold or passed on. */
  sellable: z.boolean(),
  /** Credits can be added together (several licences, several grants). */
  cumulative: z.boolean(),
  /** Unused credit carries over into the next period. */
  carriesOver: z.boolean(),
  /** Every support reply states the remaining credit. */
  balanceInEveryReply: z.boolean(),
});
export type Credit = z.infer<typeof Credit>;

export function checkCredit(credit: Credit, at: Path, refs: Refs): void {
  checkRegionalList(credit.minimumAnnualValue, [...at, 'minimumAnnualValue'], refs);
  checkRefs(credit.covers, refs.services, [...at, 'covers'], refs.report, 'service');
  checkUnique(credit.mainModules, (m) => m.id, (i) => [...at, 'mainModules', i, 'id'], refs.report, 'module');
  checkUnique(credit.scopes, (s) => s.id, (i) => [...at, 'scopes', i, 'id'], refs.report, 'scope');
  checkUnique(credit.scopes, (s) => String(s.minMainModules), (i) => [...at, 'scopes', i, 'minMainModules'], refs.report, 'scope threshold');
  if (credit.scopes.length > 0 && !credit.scopes.some((s) => s.minMainModules === 0))
    refs.report([...at, 'scopes'], 'One scope must apply to every licence (minMainModules 0).');
  credit.scopes.forEach((scope, i) => {
    if (scope.minMainModules > credit.mainModules.length)
      refs.report([...at, 'scopes', i, 'minMainModules'], `Needs ${scope.minMainModules} main modules, but the catalog names ${credit.mainModules.length}.`);
  });
  const scopes = new Set(credit.scopes.map((s) => s.id));
  credit.allowances.forEach((row, i) => {
    if (!refs.plans.has(row.plan)) refs.report([...at, 'allowances', i, 'plan'], `Unknown plan ${row.plan}.`);
    if (!scopes.has(row.scope)) refs.report([...at, 'allowances', i, 'scope'], `Unknown scope ${row.scope}.`);
  });
  checkUnique(credit.allowances, (r) => `${r.plan}/${r.scope}`, (i) => [...at, 'allowances', i, 'plan'], refs.report, 'row for plan/scope');
}
