import type * as z from 'zod';
import { Catalog } from './schema/catalog';

export interface CatalogIssue {
  /** The bad field, dot-separated (`plans.2.prices.0.amount`). */
  path: string;
  message: string;
}

/** A catalog that breaks the schema or a cross-field rule; lists every issue. */
export class CatalogError extends Error {
  readonly code = 'invalid_catalog';
  constructor(readonly issues: CatalogIssue[]) {
    super(`invalid catalog: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'CatalogError';
  }
}

const dotted = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** One issue per bad field: an unknown key is reported at its own path, not at its object's. */
const toIssues = (issue: z.core.$ZodIssue): CatalogIssue[] =>
  issue.code === 'unrecognized_keys'
    ? issue.keys.map((key) => ({ path: dotted([...issue.path, key]), message: 'Unknown field.' }))
    : [{ path: dotted(issue.path), message: issue.message }];

/**
 * Validates a catalog; a bad one is refused with the path of each bad field. The cross-field
 * rules (references, unique ids, currencies) are checked once every field has the right type.
 */
export function loadCatalog(data: unknown): Catalog {
  // A catalog is parsed once per cold start: compiling zod's eval-based fast path would cost
  // more than it saves, so parse without it.
  const result = Catalog.safeParse(data, { jitless: true });
  if (!result.success) throw new CatalogError(result.error.issues.flatMap(toIssues));
  return result.data;
}
