import type { Catalog } from '../../domain/catalog/schema/catalog';
import { isPresetName, presetNames, presets } from '../../domain/catalog/presets/index';

/** The environment variable naming the policy catalog the deployed system runs. */
export const CATALOG_PRESET_ENV = 'CATALOG_PRESET';
export const DEFAULT_CATALOG_PRESET = 'qualisys';

/** The catalog this deployment runs: the preset named by `CATALOG_PRESET` (default `qualisys`). */
export function activeCatalog(env: Readonly<Record<string, string | undefined>> = process.env): Catalog {
  const name = env[CATALOG_PRESET_ENV] || DEFAULT_CATALOG_PRESET;
  if (!isPresetName(name)) {
    throw new Error(`${CATALOG_PRESET_ENV}="${name}" is not a catalog preset; choose one of ${presetNames.join(', ')}.`);
  }
  return presets[name];
}
