import * as path from 'node:path';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import * as topology from '../topology';
import type { FunctionDefinition } from '../topology';
import { DEFAULT_CATALOG_PRESET } from '../../functions/runtime/catalog';
import { LedgerApi } from './api';
import { configureAsyncInvocation } from './async-invoke';
import { StaffAuth } from './auth';
import { LedgerBus } from './bus';
import { LedgerFunction } from './functions';
import { Mail } from './mail';
import { schedule } from './schedules';
import { consumeStream } from './stream';
import { LedgerTables } from './tables';
import { VaultKey } from './vault';

/** The parts of infra/topology.ts the stack deploys; tests pass variants of it. */
export interface Topology {
  functions: Readonly<Record<string, FunctionDefinition>>;
  publicApi: {
    rateLimit: { requestsPerSecond: number; burst: number };
    defaultAllowedOrigins: readonly string[];
  };
}

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

export interface SupportLedgerStackProps extends StackProps {
  /** @default the declaration in infra/topology.ts */
  topology?: Topology;
  /** Directory the functions' `entry` paths are relative to. @default the repository root */
  projectRoot?: string;
  /** Sender of customer e-mail. */
  mailFrom: string;
  /** The vendor policy (catalog preset) the functions run. @default qualisys */
  catalogPreset?: string;
  /** CORS origins. @default topology.publicApi.defaultAllowedOrigins */
  allowedOrigins?: string[];
  /** Where Cognito returns staff after sign-in. */
  authCallbackUrls: string[];
  /** The website the links in e-mails open. @default the first allowed origin */
  publicSiteUrl?: string;
}

/** Everything support-ledger runs on, built from the topology declaration. */
export class SupportLedgerStack extends Stack {
  readonly tables: LedgerTables;
  readonly vault: VaultKey;
  readonly events: LedgerBus;
  readonly mail: Mail;
  readonly auth: StaffAuth;
  readonly api: LedgerApi;
  readonly functions: Record<string, LedgerFunction> = {};

  constructor(scope: Construct, id: string, props: SupportLedgerStackProps) {
    super(scope, id, props);
    const { functions, publicApi } = props.topology ?? topology;
    const definitions = Object.entries(functions);

    this.tables = new LedgerTables(this, 'Tables');
    this.vault = new VaultKey(this, 'Vault');
    this.events = new LedgerBus(this, 'Events');
    this.mail = new Mail(this, 'Mail', { from: props.mailFrom });
    this.auth = new StaffAuth(this, 'StaffAuth', { callbackUrls: props.authCallbackUrls });
    this.api = new LedgerApi(this, 'Http', {
      allowedOrigins: props.allowedOrigins ?? [...publicApi.defaultAllowedOrigins],
      methods: definitions.flatMap(([, { triggers }]) => triggers.flatMap((t) => (t.kind === 'http' ? [t.method] : []))),
      staffAuthorizer: this.auth.authorizer,
      publicRateLimit: publicApi.rateLimit,
    });

    for (const [name, definition] of definitions) {
      const { function: fn } = (this.functions[name] = new LedgerFunction(this, name, {
        name,
        definition,
        projectRoot: props.projectRoot ?? PROJECT_ROOT,
        targets: { tables: this.tables, bus: this.events.bus, mail: this.mail, vaultKey: this.vault.key },
        catalogPreset: props.catalogPreset ?? DEFAULT_CATALOG_PRESET,
      }));
      if (definition.access.some((a) => a.resource === 'mail')) {
        // The links in e-mails: pages of the website, and the API's one-click unsubscribe address.
        fn.addEnvironment('PUBLIC_SITE_URL', props.publicSiteUrl ?? (props.allowedOrigins ?? publicApi.defaultAllowedOrigins)[0]!);
        fn.addEnvironment('PUBLIC_API_URL', this.api.url);
      }
      for (const trigger of definition.triggers) {
        switch (trigger.kind) {
          case 'http':
            this.api.route(name, trigger, fn);
            break;
          case 'stream':
            consumeStream(this, `${name}Stream`, trigger, fn, this.tables);
            break;
          case 'bus':
            this.events.route(this, `${name}Rule-${trigger.rule}`, trigger, fn);
            break;
          case 'schedule':
            schedule(this, `${name}Schedule-${trigger.name}`, trigger, fn);
            break;
          case 'cognito':
            this.auth.addTrigger(trigger, fn);
            break;
          default: {
            const unknown: never = trigger;
            throw new Error(`Function ${name}: no AWS wiring for the trigger ${JSON.stringify(unknown)}`);
          }
        }
      }
      configureAsyncInvocation(this, `${name}AsyncFailures`, fn, definition.triggers);
    }

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId, description: 'Cognito user pool of staff' });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId, description: 'App client for staff' });
    new CfnOutput(this, 'EventBusName', { value: this.events.bus.eventBusName, description: 'Integration-event bus' });
  }
}
