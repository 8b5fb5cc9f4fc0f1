import type { App } from 'aws-cdk-lib';
import { checkCatalogCalendars } from '../../domain/catalog/calendars';
import { isPresetName, presetNames, presets, type PresetName } from '../../domain/catalog/presets/index';
import { DEFAULT_CATALOG_PRESET } from '../../functions/runtime/catalog';
import { assertEuRegion, DEFAULT_REGION, type EuRegion } from './regions';

/** What a deployment may choose, from CDK context (`-c key=value`) or the environment. */
export interface Settings {
  /** Context `region`, else CDK_DEFAULT_REGION, else eu-north-1; never outside the EU. */
  region: EuRegion;
  /** CDK_DEFAULT_ACCOUNT, when the CLI knows it. */
  account?: string;
  /** Context `mailFrom`: the sender of customer e-mail; its domain becomes an SES identity. */
  mailFrom: string;
  /** Context `publicOrigins` or env PUBLIC_ORIGINS (comma-separated); unset: the topology's default. */
  allowedOrigins?: string[];
  /**
   * Context `publicSiteUrl` or env PUBLIC_SITE_URL: the website whose pages the links in e-mails
   * open (privacy confirmations, unsubscribing); unset: the first allowed origin.
   */
  publicSiteUrl?: string;
  /** Context `authCallbackUrls` (comma-separated): where Cognito's login returns staff to. */
  authCallbackUrls: string[];
  /** Context `catalogPreset`: the vendor policy this deployment runs (default qualisys). */
  catalogPreset: PresetName;
}

export const DEFAULT_MAIL_FROM = 'support@example.com';
export const DEFAULT_AUTH_CALLBACK_URLS = ['http://localhost:5173/auth/callback'];

const list = (value: unknown): string[] | undefined => {
  const items = (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : [])
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  return items.length > 0 ? items : undefined;
};

export function readSettings(app: App, env: NodeJS.ProcessEnv = process.env): Settings {
  const context = (key: string): unknown => app.node.tryGetContext(key);
  const region = String(context('region') ?? env.CDK_DEFAULT_REGION ?? DEFAULT_REGION);
  const mailFrom = String(context('mailFrom') ?? DEFAULT_MAIL_FROM);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(mailFrom)) {
    throw new Error(`Context mailFrom "${mailFrom}" is not an e-mail address.`);
  }
  const catalogPreset = String(context('catalogPreset') ?? DEFAULT_CATALOG_PRESET);
  if (!isPresetName(catalogPreset)) {
    throw new Error(`Context catalogPreset "${catalogPreset}" is not a catalog preset; choose one of ${presetNames.join(', ')}.`);
  }
  // The deployed catalog's business calendars must compute (a deep check loadCatalog leaves out).
  checkCatalogCalendars(presets[catalogPreset]);
  const publicSiteUrl = context('publicSiteUrl') ?? env.PUBLIC_SITE_URL;
  if (publicSiteUrl !== undefined && !/^https?:\/\/[^\s/]+(\/\S*)?$/.test(String(publicSiteUrl))) {
    throw new Error(`Context publicSiteUrl "${String(publicSiteUrl)}" is not an http(s) address.`);
  }
  return {
    catalogPreset,
    region: assertEuRegion(region),
    account: env.CDK_DEFAULT_ACCOUNT,
    mailFrom,
    allowedOrigins: list(context('publicOrigins')) ?? list(env.PUBLIC_ORIGINS),
    ...(publicSiteUrl === undefined ? {} : { publicSiteUrl: String(publicSiteUrl) }),
    authCallbackUrls: list(context('authCallbackUrls')) ?? DEFAULT_AUTH_CALLBACK_URLS,
  };
}
