import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Tags } from 'aws-cdk-lib';
import { applyNag } from './nag';
import { readSettings } from './settings';
import { SupportLedgerStack, type Topology } from './stack';

export const STACK_NAME = 'SupportLedger';

export interface BuildAppOptions {
  /** Context, as `-c key=value` would set it; wins over the environment. */
  context?: Record<string, unknown>;
  /** Shorthand for the `region` context. */
  region?: string;
  /** Environment to read CDK_DEFAULT_REGION, CDK_DEFAULT_ACCOUNT and PUBLIC_ORIGINS from. */
  env?: NodeJS.ProcessEnv;
  topology?: Topology;
  projectRoot?: string;
}

/**
 * The CDK app: one stack in an EU region, checked by cdk-nag (AWS Solutions) whose findings
 * fail synth. Throws if the region is outside the EU.
 */
export function buildApp(options: BuildAppOptions = {}): { app: App; stack: SupportLedgerStack } {
  const context = { ...options.context, ...(options.region ? { region: options.region } : {}) };
  const app = new App({ context });
  const settings = readSettings(app, options.env);
  applyNag(app);
  const stack = new SupportLedgerStack(app, STACK_NAME, {
    env: { region: settings.region, account: settings.account },
    description: 'support-ledger: event-sourced support agreements, tickets, SLAs and credit',
    topology: options.topology,
    projectRoot: options.projectRoot,
    mailFrom: settings.mailFrom,
    catalogPreset: settings.catalogPreset,
    allowedOrigins: settings.allowedOrigins,
    publicSiteUrl: settings.publicSiteUrl,
    authCallbackUrls: settings.authCallbackUrls,
  });
  Tags.of(app).add('project', 'support-ledger');
  return { app, stack };
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) buildApp().app.synth();
