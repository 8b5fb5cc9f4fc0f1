import type { Catalog } from '../../domain/catalog/schema/catalog';
import { allProjections } from '../../domain/projections';
import type { Projection } from '../../domain/projection';
import { activeCatalog } from '../runtime/catalog';

const byCatalog = new WeakMap<Catalog, Record<string, Projection<unknown>>>();

/** The read models, by stream category, for the catalog this deployment runs (with the ledger's rows). */
export function activeProjections(): Record<string, Projection<unknown>> {
  const catalog = activeCatalog();
  let found = byCatalog.get(catalog);
  if (!found) byCatalog.set(catalog, (found = allProjections(catalog)));
  return found;
}

/** The read models for the catalog active when this module loaded. */
export const projections: Record<string, Projection<unknown>> = activeProjections();
