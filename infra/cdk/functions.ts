import * as path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { CATALOG_PRESET_ENV } from '../../functions/runtime/catalog';
import { aliases, ESM_REQUIRE_BANNER, MAIN_FIELDS } from '../bundling';
import type { FunctionDefinition } from '../topology';
import { denyEventMutation, grantAccess, type AccessTargets } from './access';
import { acknowledge } from './nag';

/** The newest Node.js runtime aws-cdk-lib offers (a test fails when a newer one appears). */
export const NODE_RUNTIME = Runtime.NODEJS_24_X;

/** esbuild target matching the runtime: `nodejs24.x` → `node24`. */
export const ESBUILD_TARGET = NODE_RUNTIME.name.replace(/^nodejs(\d+)\.x$/, 'node$1');

export const SERVICE_NAME = 'support-ledger';

export const LOG_RETENTION = RetentionDays.ONE_MONTH;

/** Bundled by the local esbuild, never Docker, as `infra/bundling.ts` says. */
export const bundling = (projectRoot: string): BundlingOptions => ({
  forceDockerBundling: false,
  format: OutputFormat.ESM,
  mainFields: MAIN_FIELDS,
  banner: ESM_REQUIRE_BANNER,
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  target: ESBUILD_TARGET,
  bundleAwsSDK: true,
  esbuildArgs: Object.fromEntries(Object.entries(aliases(projectRoot)).map(([from, to]) => [`--alias:${from}`, to])),
});

export interface LedgerFunctionProps {
  /** Key of the function in the topology. */
  name: string;
  definition: FunctionDefinition;
  /** Directory the definition's `entry` is relative to; holds package-lock.json. */
  projectRoot: string;
  targets: AccessTargets;
  /** The catalog preset the handlers run (CATALOG_PRESET). */
  catalogPreset: string;
}

/**
 * One function of the topology: its own role (no managed policies) holding exactly the grants
 * its `access` declares plus the event-store Deny, its own log group, tracing, and the
 * environment its adapters read.
 */
export class LedgerFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: LedgerFunctionProps) {
    super(scope, id);
    const { definition, targets } = props;
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `support-ledger ${props.name}`,
    });
    this.logGroup = new LogGroup(this, 'Logs', { retention: LOG_RETENTION });
    this.logGroup.grantWrite(this.role);

    const environment: Record<string, string> = {
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      NODE_OPTIONS: '--enable-source-maps',
      [CATALOG_PRESET_ENV]: props.catalogPreset,
    };
    for (const access of definition.access) Object.assign(environment, grantAccess(this.role, access, targets));
    denyEventMutation(this.role, targets.tables);

    this.function = new NodejsFunction(this, 'Function', {
      entry: path.resolve(props.projectRoot, definition.entry),
      projectRoot: props.projectRoot,
      depsLockFilePath: path.join(props.projectRoot, 'package-lock.json'),
      handler: 'handler',
      runtime: NODE_RUNTIME,
      architecture: Architecture.ARM_64,
      description: definition.description,
      memorySize: definition.memoryMB,
      timeout: Duration.seconds(definition.timeoutSeconds),
      role: this.role,
      logGroup: this.logGroup,
      tracing: Tracing.ACTIVE,
      environment,
      bundling: bundling(props.projectRoot),
    });
    acknowledge(this.role, 'wildcardResource');
  }
}
