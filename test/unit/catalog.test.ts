import { describe, expect, it } from 'vitest';
import { CatalogError, loadCatalog } from '../../domain/catalog/schema';
import { minimalCatalog } from '../../domain/catalog/minimal';

describe('catalog', () => {
  it('loads the minimal catalog', () => {
    expect(minimalCatalog.plans.map((p) => p.id)).toEqual(['gold', 'diamond', 'platinum']);
  });

  it('refuses a catalog with an error, naming the path of each bad field', () => {
    const bad = { vendor: { id: 'v', name: 'V' }, defaultTimeZone: 'UTC', plans: [{ id: 'gold', name: 'Gold', termsMonths: [0] }, { id: 'gold', name: 'Again', termsMonths: [12] }] };
    try {
      loadCatalog(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogError);
      expect((error as CatalogError).issues.map((i) => i.path)).toEqual(['plans.0.termsMonths.0', 'plans.1.id']);
    }
  });
});
