import { describe, expect, it } from 'vitest';
import { presets } from '../../domain/catalog/presets/index';
import { activeCatalog } from '../../functions/runtime/catalog';

describe('the catalog a deployment runs (CATALOG_PRESET)', () => {
  it('runs the qualisys preset when CATALOG_PRESET is not set (or empty)', () => {
    expect(activeCatalog({})).toBe(presets.qualisys);
    expect(activeCatalog({ CATALOG_PRESET: '' })).toBe(presets.qualisys);
  });

  it.each(['qualisys', 'onyxceph', 'q3', 'hezo'] as const)('runs the %s preset when named', (name) => {
    expect(activeCatalog({ CATALOG_PRESET: name })).toBe(presets[name]);
  });

  it.each(['acme', 'Qualisys', 'constructor', '__proto__'])('refuses %s with the names it knows', (name) => {
    expect(() => activeCatalog({ CATALOG_PRESET: name })).toThrow(
      `CATALOG_PRESET="${name}" is not a catalog preset; choose one of qualisys, onyxceph, q3, hezo.`,
    );
  });

  it('reads the process environment by default', () => {
    const before = process.env.CATALOG_PRESET;
    try {
      process.env.CATALOG_PRESET = 'q3';
      expect(activeCatalog()).toBe(presets.q3);
    } finally {
      if (before === undefined) delete process.env.CATALOG_PRESET;
      else process.env.CATALOG_PRESET = before;
    }
  });
});
