import type { Catalog } from '../schema/catalog';
import { hezoCatalog } from './hezo';
import { onyxcephCatalog } from './onyxceph';
import { q3Catalog } from './q3';
import { qualisysCatalog } from './qualisys';

/** The four published policies, each a validated catalog, by preset name. */
export const presets = {
  qualisys: qualisysCatalog,
  onyxceph: onyxcephCatalog,
  q3: q3Catalog,
  hezo: hezoCatalog,
} as const satisfies Record<string, Catalog>;

export type PresetName = keyof typeof presets;
export const presetNames = Object.keys(presets) as PresetName[];

export const isPresetName = (name: string): name is PresetName => Object.hasOwn(presets, name);
