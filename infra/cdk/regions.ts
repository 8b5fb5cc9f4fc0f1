/**
 * Where support-ledger may run. Personal data must stay in the European Union, so the app refuses
 * any region outside it. London (eu-west-2) and Zurich (eu-central-2) carry an `eu-` prefix but are
 * not in the EU.
 */
export const EU_REGIONS = ['eu-west-1', 'eu-west-3', 'eu-central-1', 'eu-north-1', 'eu-south-1', 'eu-south-2'] as const;

export type EuRegion = (typeof EU_REGIONS)[number];

export const DEFAULT_REGION: EuRegion = 'eu-north-1';

export const isEuRegion = (region: string): region is EuRegion => (EU_REGIONS as readonly string[]).includes(region);

/** Returns the region if it is in the EU, else throws an error that says how to choose one. */
export function assertEuRegion(region: string): EuRegion {
  if (isEuRegion(region)) return region;
  throw new Error(
    `Region "${region}" is outside the European Union; support-ledger deploys only to ${EU_REGIONS.join(', ')}. ` +
      'Choose one with `-c region=<region>` or CDK_DEFAULT_REGION.',
  );
}
