import type { Catalog } from './catalog/schema/catalog';
import { ledgerProjections } from './ledger/projections';
import { privacyRequestProjection } from './privacy/request-view';
import { subjectProjection } from './privacy/subject-view';
import type { Projection } from './projection';

/** Every read model the projector keeps, by stream category: contracts, tickets, credit (with the ledger's rows), subjects and privacy requests. */
export function allProjections(catalog: Catalog): Record<string, Projection<unknown>> {
  const privacy = [subjectProjection, privacyRequestProjection] as Projection<unknown>[];
  return { ...ledgerProjections(catalog), ...Object.fromEntries(privacy.map((p) => [p.category, p])) };
}
