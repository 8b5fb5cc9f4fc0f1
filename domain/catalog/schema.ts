import * as z from 'zod';

/**
 * The policy catalog, minimal for now: the plans a vendor sells and their terms. A vendor's
 * policy is data validated by this schema; code interprets it and never names a vendor.
 */
export const Plan = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  /** The term lengths, in months, this plan can be bought for. */
  termsMonths: z.array(z.number().int().min(1).max(120)).min(1),
});
export type Plan = z.infer<typeof Plan>;

export const Catalog = z
  .object({
    vendor: z.object({ id: z.string().min(1), name: z.string().min(1) }),
    /** The IANA zone contract terms are computed in when an order gives none. */
    defaultTimeZone: z.string().min(1),
    plans: z.array(Plan).min(1),
  })
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    catalog.plans.forEach((plan, i) => {
      if (seen.has(plan.id)) ctx.addIssue({ code: 'custom', path: ['plans', i, 'id'], message: `duplicate plan id ${plan.id}` });
      seen.add(plan.id);
    });
  });
export type Catalog = z.infer<typeof Catalog>;

export class CatalogError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`invalid catalog: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'CatalogError';
  }
}

/** Validates a catalog; a bad one is refused with the path of each bad field. */
export function loadCatalog(data: unknown): Catalog {
  const result = Catalog.safeParse(data);
  if (!result.success) {
    throw new CatalogError(result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  return result.data;
}

export const findPlan = (catalog: Catalog, planId: string): Plan | undefined =>
  catalog.plans.find((p) => p.id === planId);
