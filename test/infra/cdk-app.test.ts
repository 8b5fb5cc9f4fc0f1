import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App, Stack, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../domain/roles';
import { DISTRIBUTOR_ATTRIBUTE, DISTRIBUTOR_ATTRIBUTE_NAME } from '../../functions/auth/attributes';
import { DISTRIBUTOR_CLAIM } from '../../functions/http/auth';
import { EVENTS, IDEMPOTENCY, TABLES, tableEnvVar, VAULT, VIEWS, type TableId } from '../../functions/tables';
import { FORBIDDEN_EVENT_ACTIONS, MAIL_ACTIONS, TABLE_ACTIONS, VAULT_KEY_ACTIONS, VAULT_TABLE_ACTIONS } from '../../infra/cdk/access';
import { STAGE_THROTTLE } from '../../infra/cdk/api';
import { buildApp } from '../../infra/cdk/app';
import { ARCHIVE_RETENTION, BUS_NAME } from '../../infra/cdk/bus';
import { bundling, ESBUILD_TARGET, NODE_RUNTIME } from '../../infra/cdk/functions';
import { assertEuRegion, EU_REGIONS } from '../../infra/cdk/regions';
import { SCHEDULE_RETRY } from '../../infra/cdk/schedules';
import { VAULT_KEY_ALIAS } from '../../infra/cdk/vault';
import { DEFAULT_MAIL_FROM, readSettings } from '../../infra/cdk/settings';
import type { SupportLedgerStack, Topology } from '../../infra/cdk/stack';
import * as topology from '../../infra/topology';
import { LAMBDA_ASYNC_RETRIES, STAFF_SCOPE, type Access, type FunctionDefinition, type Trigger, type VaultMode } from '../../infra/topology';

// ---------------------------------------------------------------------------------------------
// Fixtures: the stack is synthesized without bundling, against a stub project that holds the
// declared entry files, with the feature flags of cdk.json (so tests and `cdk synth` agree).
// ---------------------------------------------------------------------------------------------

const ROOT = path.resolve(import.meta.dirname, '../..');
const { region: CDK_JSON_REGION, ...FEATURE_FLAGS } = JSON.parse(readFileSync(path.join(ROOT, 'cdk.json'), 'utf8'))
  .context as Record<string, unknown>;
const NO_BUNDLING = { ...FEATURE_FLAGS, 'aws:cdk:bundling-stacks': [] };

const stubRoots: string[] = [];
function stubProject(t: Topology): string {
  const root = mkdtempSync(path.join(tmpdir(), 'support-ledger-infra-'));
  stubRoots.push(root);
  writeFileSync(path.join(root, 'package-lock.json'), '{}');
  for (const { entry } of Object.values(t.functions)) {
    mkdirSync(path.dirname(path.join(root, entry)), { recursive: true });
    writeFileSync(path.join(root, entry), 'export const handler = async () => undefined;\n');
  }
  return root;
}
afterAll(() => {
  for (const root of stubRoots) rmSync(root, { recursive: true, force: true });
});

interface Synthesized {
  app: App;
  stack: SupportLedgerStack;
  template: Template;
  resources: Record<string, { Type: string; Properties: any; DependsOn?: string[] }>;
}

function synth(options: Parameters<typeof buildApp>[0] = {}): Synthesized {
  const t = options.topology ?? topology;
  const { app, stack } = buildApp({
    env: {},
    projectRoot: stubProject(t),
    ...options,
    context: { ...NO_BUNDLING, ...options.context },
  });
  app.synth(); // runs the validation plugins (cdk-nag): throws on any unacknowledged finding
  const template = Template.fromStack(stack);
  return { app, stack, template, resources: template.toJSON().Resources };
}

const declared = Object.entries(topology.functions) as [string, FunctionDefinition][];
const triggersOf = <K extends Trigger['kind']>(kind: K, fns = declared) =>
  fns.flatMap(([name, d]) => d.triggers.filter((t): t is Extract<Trigger, { kind: K }> => t.kind === kind).map((t) => [name, t] as const));

const idOf = (stack: SupportLedgerStack, construct: IConstruct): string =>
  stack.getLogicalId(construct.node.defaultChild as CfnElement);
const arnOf = (logicalId: string, attribute = 'Arn') => ({ 'Fn::GetAtt': [logicalId, attribute] });
/** True if a CloudFormation value mentions `needle` (a Ref / GetAtt object) anywhere inside it. */
const mentions = (value: unknown, needle: unknown): boolean => JSON.stringify(value).includes(JSON.stringify(needle));
const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}
function statementsOfRole(s: Synthesized, roleId: string): Statement[] {
  return Object.values(s.resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && mentions(r.Properties.Roles, { Ref: roleId }))
    .flatMap((r) => r.Properties.PolicyDocument.Statement as Statement[]);
}
const allStatements = (s: Synthesized): Statement[] =>
  Object.values(s.resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy')
    .flatMap((r) => r.Properties.PolicyDocument.Statement as Statement[]);
/** Does an IAM action pattern (with `*` / `?`) match a concrete action? */
const actionMatches = (pattern: string, action: string) =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i').test(action);
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

// ---------------------------------------------------------------------------------------------

describe('region', () => {
  it('lists exactly the EU member-state regions in one constant', () => {
    expect([...EU_REGIONS].sort()).toEqual(['eu-central-1', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-3']);
  });

  it.each(['eu-west-2', 'eu-central-2', 'us-east-1'])('refuses %s, which is outside the EU', (region) => {
    expect(() => buildApp({ region, env: {}, context: NO_BUNDLING })).toThrow(/outside the European Union/);
    expect(() => buildApp({ env: { CDK_DEFAULT_REGION: region }, context: NO_BUNDLING })).toThrow(region);
  });

  it.each([...EU_REGIONS])('accepts %s', (region) => {
    expect(assertEuRegion(region)).toBe(region);
  });

  it('is pinned in cdk.json, so the CLI never falls back to a profile region (or us-east-1)', () => {
    expect(assertEuRegion(String(CDK_JSON_REGION))).toBe('eu-north-1');
  });

  it('takes context `region`, then CDK_DEFAULT_REGION, then eu-north-1', () => {
    const settings = (context: Record<string, unknown>, env: NodeJS.ProcessEnv) => readSettings(new App({ context }), env);
    expect(settings({ region: 'eu-west-3' }, { CDK_DEFAULT_REGION: 'eu-west-1' }).region).toBe('eu-west-3');
    expect(settings({}, { CDK_DEFAULT_REGION: 'eu-west-1' }).region).toBe('eu-west-1');
    expect(settings({}, {}).region).toBe('eu-north-1');
  });
});

describe('the stack of infra/topology.ts', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synth();
  });

  it('is pinned to an explicit region', () => {
    expect(s.stack.region).toBe('eu-north-1');
  });

  it('synthesizes with no unacknowledged cdk-nag (AWS Solutions) finding', () => {
    // app.synth() in the fixture already ran the registered plugin; check the pack directly too.
    const report = new AwsSolutionsChecks().validateScope(s.app);
    expect(report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath)}`)).toEqual([]);
  });

  describe('tables', () => {
    it.each(TABLES.map((t) => [t.id, t] as const))('%s: keys, billing, PITR, deletion protection, KMS key', (id, definition) => {
      const table = s.resources[idOf(s.stack, s.stack.tables.byId[id].table)]!.Properties;
      const keySchema = [
        { AttributeName: definition.partitionKey.name, KeyType: 'HASH' },
        ...('sortKey' in definition ? [{ AttributeName: definition.sortKey.name, KeyType: 'RANGE' }] : []),
      ];
      expect(table.KeySchema).toEqual(keySchema);
      const keys = [definition.partitionKey, ...('sortKey' in definition ? [definition.sortKey] : [])];
      for (const key of keys) expect(table.AttributeDefinitions).toContainEqual({ AttributeName: key.name, AttributeType: key.type });
      expect(table.BillingMode).toBe('PAY_PER_REQUEST');
      expect(table.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(table.DeletionProtectionEnabled).toBe(true);
      expect(table.SSESpecification).toEqual({
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: arnOf(idOf(s.stack, s.stack.tables.key)),
      });
      expect(table.TableName).toBeUndefined();
    });

    it('encrypts them with one customer-managed key that rotates (the vault has a second key of its own)', () => {
      s.template.resourceCountIs('AWS::KMS::Key', 2);
      const keys = Object.values(s.resources).filter((r) => r.Type === 'AWS::KMS::Key');
      for (const key of keys) expect(key.Properties.EnableKeyRotation).toBe(true);
    });

    it('streams new images of the events table', () => {
      const table = s.resources[idOf(s.stack, s.stack.tables.byId.events.table)]!.Properties;
      expect(table.StreamSpecification).toEqual({ StreamViewType: EVENTS.stream });
    });

    it('gives the views table its sparse keys-only `due` and `lookup` indexes', () => {
      const table = s.resources[idOf(s.stack, s.stack.tables.byId.views.table)]!.Properties;
      expect(VIEWS.indexes.map((i) => i.name)).toEqual(['due', 'lookup']);
      expect(table.GlobalSecondaryIndexes).toEqual(
        VIEWS.indexes.map((index) => ({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
            { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        })),
      );
      for (const key of VIEWS.indexes.flatMap((i) => [i.partitionKey, i.sortKey])) {
        expect(table.AttributeDefinitions).toContainEqual({ AttributeName: key.name, AttributeType: key.type });
      }
    });

    it('expires idempotency records by their TTL attribute', () => {
      const table = s.resources[idOf(s.stack, s.stack.tables.byId.idempotency.table)]!.Properties;
      expect(table.TimeToLiveSpecification).toEqual({ AttributeName: IDEMPOTENCY.timeToLiveAttribute, Enabled: true });
    });

    it('has the vault table, keyed pk/sk, expiring time-limited keys by `expiresAt`, with no stream', () => {
      const table = s.resources[idOf(s.stack, s.stack.tables.byId.vault.table)]!.Properties;
      expect(VAULT.timeToLiveAttribute).toBe('expiresAt');
      expect(table.KeySchema).toEqual([
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ]);
      expect(table.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
      expect(table.StreamSpecification).toBeUndefined();
    });
  });

  describe('functions', () => {
    it('uses the newest Node.js runtime aws-cdk-lib offers, with a matching esbuild target', () => {
      const version = (r: Runtime) => Number(/^nodejs(\d+)\.x$/.exec(r.name)?.[1] ?? 0);
      const newest = Math.max(...Runtime.ALL.map(version));
      expect(version(NODE_RUNTIME)).toBe(newest);
      expect(version(NODE_RUNTIME)).toBeGreaterThanOrEqual(22);
      expect(ESBUILD_TARGET).toBe(`node${newest}`);
    });

    it('bundles with local esbuild to minified ESM with source maps and a `require` banner', () => {
      const BUNDLING = bundling('/project');
      expect(BUNDLING).toMatchObject({
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        minify: true,
        sourceMap: true,
        target: ESBUILD_TARGET,
        // The SDK is bundled at the tested versions, with Lambda's environment credentials only.
        bundleAwsSDK: true,
        esbuildArgs: { '--alias:@aws-sdk/credential-provider-node': '/project/functions/runtime/lambda-credentials.ts' },
      });
      expect(BUNDLING.banner).toMatch(/createRequire.*import\.meta\.url/);
      expect(BUNDLING.banner).toMatch(/const require =/);
    });

    it('declares entry files that exist in the repository', () => {
      for (const [, d] of declared) expect(existsSync(path.join(ROOT, d.entry)), d.entry).toBe(true);
    });

    it('deploys one function per declaration', () => {
      s.template.resourceCountIs('AWS::Lambda::Function', declared.length);
      expect(Object.keys(s.stack.functions).sort()).toEqual(declared.map(([name]) => name).sort());
    });

    it.each(declared)('%s: runtime, arm64, handler, memory, timeout, tracing, log group', (name, d) => {
      const fn = s.stack.functions[name]!;
      const props = s.resources[idOf(s.stack, fn.function)]!.Properties;
      expect(props).toMatchObject({
        Runtime: NODE_RUNTIME.name,
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: d.memoryMB,
        Timeout: d.timeoutSeconds,
        Description: d.description,
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: idOf(s.stack, fn.logGroup) } },
        Role: arnOf(idOf(s.stack, fn.role)),
      });
      expect(s.resources[idOf(s.stack, fn.logGroup)]!.Properties.RetentionInDays).toBe(30);
    });

    it.each(declared)('%s: environment has exactly what its access declares', (name, d) => {
      const env = s.resources[idOf(s.stack, s.stack.functions[name]!.function)]!.Properties.Environment.Variables;
      const expected: Record<string, unknown> = { POWERTOOLS_SERVICE_NAME: 'support-ledger', NODE_OPTIONS: '--enable-source-maps', CATALOG_PRESET: 'qualisys' };
      for (const access of d.access) {
        if (access.resource === 'table') {
          expected[tableEnvVar(access.table)] = { Ref: idOf(s.stack, s.stack.tables.byId[access.table].table) };
        }
        if (access.resource === 'bus') expected.EVENT_BUS_NAME = { Ref: idOf(s.stack, s.stack.events.bus) };
        if (access.resource === 'vault') {
          expected[tableEnvVar('vault')] = { Ref: idOf(s.stack, s.stack.tables.byId.vault.table) };
          expected.VAULT_KMS_KEY_ID = arnOf(idOf(s.stack, s.stack.vault.key));
        }
        if (access.resource === 'mail') {
          expected.MAIL_FROM = DEFAULT_MAIL_FROM;
          expected.MAIL_CONFIGURATION_SET = { Ref: idOf(s.stack, s.stack.mail.configurationSet) };
          // The links in e-mails: the website's pages (default: the first allowed origin) and the API.
          expected.PUBLIC_SITE_URL = 'http://localhost:5173';
          expected.PUBLIC_API_URL = expect.anything();
        }
      }
      expect(env).toEqual(expected);
    });
  });

  it('links e-mails to the website named with context `publicSiteUrl`, and refuses one that is not an address', () => {
    const site = synth({ context: { publicSiteUrl: 'https://www.example-vendor.test' } });
    expect(site.resources[idOf(site.stack, site.stack.functions.notifier!.function)]!.Properties.Environment.Variables.PUBLIC_SITE_URL).toBe('https://www.example-vendor.test');
    expect(() => synth({ context: { publicSiteUrl: 'www.example-vendor.test' } })).toThrow('Context publicSiteUrl "www.example-vendor.test" is not an http(s) address.');
  });

  it('runs the catalog preset chosen with context `catalogPreset`, and refuses an unknown one', () => {
    const hezo = synth({ context: { catalogPreset: "hezo" } });
    const fn = hezo.resources[idOf(hezo.stack, hezo.stack.functions.createContract!.function)]!;
    expect(fn.Properties.Environment.Variables.CATALOG_PRESET).toBe('hezo');
    expect(() => synth({ context: { catalogPreset: "acme" } })).toThrow('Context catalogPreset "acme" is not a catalog preset; choose one of qualisys, onyxceph, q3, hezo.');
  });

  describe('IAM', () => {
    it('gives each function its own role without managed policies', () => {
      const roles = Object.values(s.resources).filter((r) => r.Type === 'AWS::IAM::Role');
      expect(roles).toHaveLength(declared.length);
      for (const role of roles) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    });

    it.each(declared)('%s: may do on each table exactly what its access modes allow', (name, d) => {
      const statements = statementsOfRole(s, idOf(s.stack, s.stack.functions[name]!.role));
      for (const { id } of TABLES) {
        const tableArn = arnOf(idOf(s.stack, s.stack.tables.byId[id as TableId].table));
        const allowed = statements
          .filter((st) => st.Effect === 'Allow' && asList(st.Resource).some((r) => mentions(r, tableArn)))
          .flatMap((st) => asList(st.Action));
        const expected = d.access.flatMap((a) =>
          a.resource === 'table' && a.table === id ? TABLE_ACTIONS[a.mode] : a.resource === 'vault' && id === VAULT.id ? VAULT_TABLE_ACTIONS[a.mode] : [],
        );
        expect(sorted(allowed), `${name} on ${id}`).toEqual(sorted(expected));
      }
    });

    it('appending functions may only get, query, put and condition-check events', () => {
      expect(sorted(TABLE_ACTIONS.append)).toEqual(
        sorted(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:ConditionCheckItem']),
      );
    });

    it('reads a table through its declared indexes too', () => {
      const statements = statementsOfRole(s, idOf(s.stack, s.stack.functions.getContract!.role));
      const viewsId = idOf(s.stack, s.stack.tables.byId.views.table);
      const query = statements.find((st) => asList(st.Action).includes('dynamodb:Query') && mentions(st.Resource, arnOf(viewsId)));
      for (const index of VIEWS.indexes) expect(JSON.stringify(query?.Resource)).toContain(`/index/${index.name}`);
    });

    it('no role can update or delete events: an explicit Deny on every role, and no Allow', () => {
      const eventsArn = arnOf(idOf(s.stack, s.stack.tables.byId.events.table));
      for (const [name, fn] of Object.entries(s.stack.functions)) {
        const denies = statementsOfRole(s, idOf(s.stack, fn.role)).filter(
          (st) => st.Effect === 'Deny' && mentions(st.Resource, eventsArn),
        );
        expect(sorted(denies.flatMap((st) => asList(st.Action))), name).toEqual(sorted(FORBIDDEN_EVENT_ACTIONS));
      }
      const offending = allStatements(s).filter(
        (st) =>
          st.Effect === 'Allow' &&
          asList(st.Resource).some((r) => r === '*' || mentions(r, eventsArn)) &&
          asList(st.Action).some((pattern) => FORBIDDEN_EVENT_ACTIONS.some((action) => actionMatches(pattern, action))),
      );
      expect(offending).toEqual([]);
    });

    it.each(declared.filter(([, d]) => d.access.some((a) => a.resource === 'table' || a.resource === 'vault')))(
      '%s: may use the table key, only through DynamoDB',
      (name) => {
        const keyArn = arnOf(idOf(s.stack, s.stack.tables.key));
        const statements = statementsOfRole(s, idOf(s.stack, s.stack.functions[name]!.role));
        const conditions = statements
          .filter((st) => st.Effect === 'Allow' && asList(st.Action).includes('kms:Decrypt') && mentions(st.Resource, keyArn))
          .map((st) => st.Condition);
        expect(conditions).toContainEqual({ StringEquals: { 'kms:ViaService': 'dynamodb.eu-north-1.amazonaws.com' } });
      },
    );

    it('lets only publishers put events, on the support-ledger bus only', () => {
      const busArn = arnOf(idOf(s.stack, s.stack.events.bus));
      for (const [name, d] of declared) {
        const puts = statementsOfRole(s, idOf(s.stack, s.stack.functions[name]!.role)).filter((st) =>
          asList(st.Action).some((a) => actionMatches(a, 'events:PutEvents')),
        );
        const publishes = d.access.some((a) => a.resource === 'bus');
        expect(puts.map((st) => st.Resource), name).toEqual(publishes ? [busArn] : []);
      }
    });

    it('lets only mail senders send, with the configuration set and the sender identity only', () => {
      const resources = [s.stack.resolve(s.stack.mail.identityArn), s.stack.resolve(s.stack.mail.configurationSetArn)];
      for (const [name, d] of declared) {
        const sends = statementsOfRole(s, idOf(s.stack, s.stack.functions[name]!.role)).filter((st) =>
          asList(st.Action).some((a) => a.startsWith('ses:')),
        );
        const sendsMail = d.access.some((a) => a.resource === 'mail');
        expect(sends, name).toEqual(
          sendsMail ? [{ Effect: 'Allow', Action: sorted(MAIL_ACTIONS), Resource: expect.arrayContaining(resources) }] : [],
        );
      }
    });
  });

  describe('PII vault', () => {
    const vaultKeyId = () => idOf(s.stack, s.stack.vault.key);

    it('has a customer-managed key of its own: rotating, retained, aliased', () => {
      const key = s.resources[vaultKeyId()] as unknown as { Type: string; Properties: any; DeletionPolicy?: string; UpdateReplacePolicy?: string };
      expect(key.Type).toBe('AWS::KMS::Key');
      expect(vaultKeyId()).not.toBe(idOf(s.stack, s.stack.tables.key));
      expect(key.Properties.EnableKeyRotation).toBe(true);
      expect(key.DeletionPolicy).toBe('Retain');
      expect(key.UpdateReplacePolicy).toBe('Retain');
      expect(VAULT_KEY_ALIAS).toBe('alias/support-ledger-vault');
      s.template.hasResourceProperties('AWS::KMS::Alias', { AliasName: VAULT_KEY_ALIAS, TargetKeyId: arnOf(vaultKeyId()) });
    });

    it('grants per mode: open reads and decrypts; seal also puts and encrypts; only erase deletes', () => {
      const READ = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'];
      expect(sorted(VAULT_TABLE_ACTIONS.open)).toEqual(READ);
      expect(sorted(VAULT_TABLE_ACTIONS.seal)).toEqual(sorted([...READ, 'dynamodb:PutItem']));
      expect(sorted(VAULT_TABLE_ACTIONS.erase)).toEqual(sorted([...READ, 'dynamodb:PutItem', 'dynamodb:DeleteItem']));
      expect(sorted(VAULT_KEY_ACTIONS.open)).toEqual(['kms:Decrypt']);
      expect(sorted(VAULT_KEY_ACTIONS.seal)).toEqual(['kms:Decrypt', 'kms:Encrypt']);
      expect(sorted(VAULT_KEY_ACTIONS.erase)).toEqual(['kms:Decrypt', 'kms:Encrypt']);
      for (const actions of Object.values(VAULT_TABLE_ACTIONS)) {
        expect(actions.some((a) => ['dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:Scan'].includes(a))).toBe(false);
      }
    });

    it('every function that appends events seals; every route and the notifier open; the projector has no vault', () => {
      for (const [name, d] of declared) {
        const appends = d.access.some((a) => a.resource === 'table' && a.table === 'events' && a.mode === 'append');
        const answersOrMails = d.triggers.some((t) => t.kind === 'http') || d.access.some((a) => a.resource === 'mail');
        const mode = vaultModeOf(d);
        if (appends) expect(['seal', 'erase'], name).toContain(mode);
        else if (name === 'notifier') expect(mode, name).toBe('seal'); // it signs the links it mails with a vault key created on first use
        else if (answersOrMails) expect(mode, name).toBe('open');
        else if (name === 'purgeExpiredKeys') expect(mode, name).toBe('erase'); // the retention job deletes expired purpose keys
        else expect(mode, name).toBeUndefined();
      }
      expect(vaultModeOf(topology.functions.projector)).toBeUndefined();
      expect(vaultModeOf(topology.functions.notifier)).toBe('seal');
      expect(vaultModeOf(topology.functions.getContract)).toBe('open');
      expect(vaultModeOf(topology.functions.getCredit)).toBe('open');
      for (const name of ['createContract', 'placeOrder', 'actOnTicket', 'checkSlas', 'expireContracts', 'issueStatements'] as const) {
        expect(vaultModeOf(topology.functions[name]), name).toBe('seal');
      }
      expect(vaultModeOf(topology.functions.preTokenGeneration)).toBeUndefined();
    });

    it.each(declared)('%s: exactly the vault grants of its mode, the key only with the `keyRef` context', (name, d) => {
      const mode = vaultModeOf(d);
      const grants = vaultGrantsOf(s, name);
      expect(grants.table).toEqual(mode ? sorted(VAULT_TABLE_ACTIONS[mode]) : []);
      expect(grants.key).toEqual(mode ? sorted(VAULT_KEY_ACTIONS[mode]) : []);
      for (const condition of grants.keyConditions) expect(condition).toEqual(KEYREF_ONLY);
      const env = s.resources[idOf(s.stack, s.stack.functions[name]!.function)]!.Properties.Environment.Variables;
      if (mode) {
        expect(env.VAULT_TABLE).toEqual({ Ref: idOf(s.stack, s.stack.tables.byId.vault.table) });
        expect(env.VAULT_KMS_KEY_ID).toEqual(arnOf(vaultKeyId()));
      } else {
        expect(env.VAULT_TABLE).toBeUndefined();
        expect(env.VAULT_KMS_KEY_ID).toBeUndefined();
      }
    });

    it('a route that only reads views cannot encrypt, put or delete in the vault', () => {
      const grants = vaultGrantsOf(s, 'getTicket');
      expect(grants.key).toEqual(['kms:Decrypt']);
      expect(grants.table).not.toContain('dynamodb:PutItem');
      expect(grants.table).not.toContain('dynamodb:DeleteItem');
    });

    it('only a function that declares `erase` may delete vault keys', () => {
      for (const [name, d] of declared) {
        expect(vaultGrantsOf(s, name).table.includes('dynamodb:DeleteItem'), name).toBe(vaultModeOf(d) === 'erase');
      }
    });

    it('no statement anywhere allows a KMS action on "*", and every use of the vault key names `keyRef`', () => {
      const kmsOnAnything = allStatements(s).filter(
        (st) => st.Effect === 'Allow' && asList(st.Resource).includes('*') && asList(st.Action).some((a) => a.startsWith('kms:')),
      );
      expect(kmsOnAnything).toEqual([]);
      const onVaultKey = allStatements(s).filter((st) => st.Effect === 'Allow' && mentions(st.Resource, arnOf(vaultKeyId())));
      expect(onVaultKey.length).toBeGreaterThan(0);
      for (const st of onVaultKey) expect(st.Condition).toEqual(KEYREF_ONLY);
    });
  });

  describe('HTTP API', () => {
    it('has one route per http trigger; staff routes need the JWT authorizer and the staff scope, public routes none', () => {
      const http = triggersOf('http');
      s.template.resourceCountIs('AWS::ApiGatewayV2::Route', http.length);
      const authorizerId = Object.entries(s.resources).find(([, r]) => r.Type === 'AWS::ApiGatewayV2::Authorizer')![0];
      for (const [name, trigger] of http) {
        const route = Object.values(s.resources).find(
          (r) => r.Type === 'AWS::ApiGatewayV2::Route' && r.Properties.RouteKey === `${trigger.method} ${trigger.path}`,
        );
        expect(route, `${trigger.method} ${trigger.path}`).toBeDefined();
        if (trigger.auth === 'public') expect(route!.Properties.AuthorizationType, `${trigger.method} ${trigger.path}`).toBe('NONE');
        else expect(route!.Properties).toMatchObject({ AuthorizationType: 'JWT', AuthorizationScopes: [STAFF_SCOPE], AuthorizerId: { Ref: authorizerId } });
        const integration = s.resources[route!.Properties.Target['Fn::Join'][1][1].Ref]!;
        expect(integration.Properties.IntegrationUri).toEqual(arnOf(idOf(s.stack, s.stack.functions[name]!.function)));
      }
    });

    it('validates staff tokens issued by the Cognito user pool to the app client', () => {
      s.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'JWT',
        JwtConfiguration: {
          Issuer: arnOf(idOf(s.stack, s.stack.auth.userPool), 'ProviderURL'),
          Audience: [{ Ref: idOf(s.stack, s.stack.auth.client) }],
        },
      });
    });

    it('creates the user pool: no self sign-up, MFA required, Plus plan, resource server with the staff scope', () => {
      s.template.hasResourceProperties('AWS::Cognito::UserPool', {
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        MfaConfiguration: 'ON',
        UserPoolTier: 'PLUS',
      });
      const [identifier, scope] = STAFF_SCOPE.split('/');
      s.template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
        Identifier: identifier,
        Scopes: [{ ScopeName: scope, ScopeDescription: Match.anyValue() }],
      });
      const client = s.resources[idOf(s.stack, s.stack.auth.client)]!.Properties;
      expect(client.GenerateSecret).toBe(false);
      expect(JSON.stringify(client.AllowedOAuthScopes)).toContain(`/${scope}`);
    });

    it('throttles the default stage, logs access to a log group with retention, answers CORS preflight', () => {
      const stage = s.resources[idOf(s.stack, s.stack.api.stage)]!.Properties;
      expect(stage).toMatchObject({
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: STAGE_THROTTLE.rateLimit, ThrottlingBurstLimit: STAGE_THROTTLE.burstLimit },
      });
      const logGroupId = stage.AccessLogSettings.DestinationArn['Fn::GetAtt'][0];
      expect(s.resources[logGroupId]!.Properties.RetentionInDays).toBe(30);
      expect(JSON.parse(stage.AccessLogSettings.Format)).toHaveProperty('requestId', '$context.requestId');
      const api = s.resources[idOf(s.stack, s.stack.api.api)]!.Properties;
      expect(api.CorsConfiguration).toMatchObject({
        AllowOrigins: topology.publicApi.defaultAllowedOrigins,
        AllowHeaders: ['content-type', 'authorization', 'idempotency-key', 'x-correlation-id'],
        ExposeHeaders: ['x-correlation-id', 'location', 'idempotent-replayed'],
        MaxAge: topology.cors.maxAgeSeconds,
      });
    });
  });

  describe('events stream', () => {
    it.each(triggersOf('stream'))('%s consumes it as declared, with an encrypted SSL-only on-failure queue', (name, trigger) => {
      const mapping = Object.values(s.resources).find((r) => r.Type === 'AWS::Lambda::EventSourceMapping')!.Properties;
      expect(mapping).toMatchObject({
        FunctionName: { Ref: idOf(s.stack, s.stack.functions[name]!.function) },
        EventSourceArn: arnOf(idOf(s.stack, s.stack.tables.byId[trigger.table].table), 'StreamArn'),
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: trigger.batchSize,
        MaximumBatchingWindowInSeconds: trigger.maxBatchingWindowSeconds,
        MaximumRetryAttempts: trigger.retryAttempts,
        BisectBatchOnFunctionError: true,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
      expectSafeQueue(s, mapping.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0]);
    });
  });

  describe('bus', () => {
    it('is one event bus named support-ledger, archived with a retention period', () => {
      s.template.resourceCountIs('AWS::Events::EventBus', 1);
      s.template.hasResourceProperties('AWS::Events::EventBus', { Name: BUS_NAME });
      s.template.hasResourceProperties('AWS::Events::Archive', {
        SourceArn: arnOf(idOf(s.stack, s.stack.events.bus)),
        RetentionDays: ARCHIVE_RETENTION.toDays(),
      });
    });

    it.each(triggersOf('bus'))('%s: a rule whose pattern equals the declaration, with retries and a DLQ', (name, trigger) => {
      expectBusRule(s, name, trigger);
    });
  });

  describe('schedules', () => {
    it.each(triggersOf('schedule'))('%s: the expression passed verbatim, on the default bus, retries and a DLQ', (name, trigger) => {
      expectScheduleRule(s, name, trigger);
    });
  });

  describe('asynchronous invocation (bus rules and schedules)', () => {
    const asyncFunctions = declared.filter(([, d]) => d.triggers.some((t) => t.kind === 'bus' || t.kind === 'schedule'));

    it('configures it for exactly the functions a rule or schedule invokes', () => {
      expect(asyncFunctions.map(([name]) => name).sort()).toEqual(['auditSubjects', 'checkReturns', 'checkSlas', 'expireContracts', 'issueStatements', 'lapseContracts', 'notifier', 'purgeExpiredKeys', 'remindPrivacyDeadlines', 'rollOverCredit', 'scheduleSystemReviews', 'sendRenewalReminders']);
      s.template.resourceCountIs('AWS::Lambda::EventInvokeConfig', asyncFunctions.length);
    });

    it.each(asyncFunctions)('%s: Lambda retries a failing handler twice, then records the event in a safe queue', (name, d) => {
      expectAsyncInvokeConfig(s, name, expectedEventAge(d.triggers));
    });

    it("caps a bus trigger's event age at Lambda's 6 hours (EventBridge allows 24)", () => {
      const [notifierTrigger] = triggersOf('bus').filter(([name]) => name === 'notifier').map(([, t]) => t);
      expect(notifierTrigger!.maxEventAgeSeconds).toBeGreaterThan(21_600);
      expectAsyncInvokeConfig(s, 'notifier', 21_600);
    });

    it("uses the schedule target's event age for schedules", () => {
      expectAsyncInvokeConfig(s, 'expireContracts', SCHEDULE_RETRY.maxEventAge.toSeconds());
    });
  });

  describe('staff user pool', () => {
    const userPool = () => s.resources[idOf(s.stack, s.stack.auth.userPool)]!.Properties;

    it('has one group per role, named exactly as the role', () => {
      const groups = Object.values(s.resources).filter((r) => r.Type === 'AWS::Cognito::UserPoolGroup');
      expect(groups.map((g) => g.Properties.GroupName).sort()).toEqual([...ROLES].sort());
      for (const group of groups) expect(group.Properties.UserPoolId).toEqual({ Ref: idOf(s.stack, s.stack.auth.userPool) });
    });

    it('has the mutable string attribute custom:distributorId', () => {
      expect(DISTRIBUTOR_ATTRIBUTE).toBe(`custom:${DISTRIBUTOR_ATTRIBUTE_NAME}`);
      expect(userPool().Schema).toContainEqual(
        expect.objectContaining({ Name: DISTRIBUTOR_ATTRIBUTE_NAME, AttributeDataType: 'String', Mutable: true }),
      );
    });

    it('does not let the app client (users themselves) write custom:distributorId, or their e-mail', () => {
      const client = s.resources[idOf(s.stack, s.stack.auth.client)]!.Properties;
      // An absent list would mean every mutable attribute is writable.
      expect(Array.isArray(client.WriteAttributes)).toBe(true);
      expect(client.WriteAttributes.length).toBeGreaterThan(0);
      expect(client.WriteAttributes).not.toContain(DISTRIBUTOR_ATTRIBUTE);
      expect(client.WriteAttributes.filter((a: string) => a.startsWith('custom:'))).toEqual([]);
      expect(client.WriteAttributes).not.toContain('email');
    });

    it.each(triggersOf('cognito'))('%s: is its pre token generation trigger, event version V2_0, on a plan that allows it', (name, trigger) => {
      expect(trigger.event).toBe('preTokenGeneration');
      const fnId = idOf(s.stack, s.stack.functions[name]!.function);
      expect(userPool().LambdaConfig).toEqual({ PreTokenGenerationConfig: { LambdaArn: arnOf(fnId), LambdaVersion: 'V2_0' } });
      // Access-token customization (V2_0) needs the Essentials or Plus feature plan.
      expect(['ESSENTIALS', 'PLUS']).toContain(userPool().UserPoolTier);
      s.template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: arnOf(fnId),
        Principal: 'cognito-idp.amazonaws.com',
        SourceArn: arnOf(idOf(s.stack, s.stack.auth.userPool)),
      });
    });

    it('declares the token trigger as a small function with no access, bundled like the others', () => {
      const [[name, trigger]] = triggersOf('cognito');
      expect(trigger).toEqual({ kind: 'cognito', event: 'preTokenGeneration' });
      const d = topology.functions[name as keyof typeof topology.functions] as FunctionDefinition;
      expect(d).toMatchObject({ entry: 'functions/auth/pre-token-generation.ts', memoryMB: 256, timeoutSeconds: 5, access: [] });
      // A LedgerFunction: the same runtime, bundling and role checks as every declaration (above).
      expect(s.stack.functions[name]!.function.runtime).toBe(NODE_RUNTIME);
      expect(DISTRIBUTOR_CLAIM).toBe(DISTRIBUTOR_ATTRIBUTE);
    });
  });

  describe('SES', () => {
    it('has a configuration set and the sender domain as identity', () => {
      s.template.resourceCountIs('AWS::SES::ConfigurationSet', 1);
      s.template.hasResourceProperties('AWS::SES::EmailIdentity', {
        EmailIdentity: DEFAULT_MAIL_FROM.split('@')[1],
        ConfigurationSetAttributes: { ConfigurationSetName: { Ref: idOf(s.stack, s.stack.mail.configurationSet) } },
      });
    });
  });

  it('outputs the API URL, user pool id, app client id and bus name', () => {
    const outputs = s.template.toJSON().Outputs;
    expect(outputs.ApiUrl.Value).toEqual(s.stack.resolve(s.stack.api.url));
    expect(outputs.UserPoolId.Value).toEqual({ Ref: idOf(s.stack, s.stack.auth.userPool) });
    expect(outputs.UserPoolClientId.Value).toEqual({ Ref: idOf(s.stack, s.stack.auth.client) });
    expect(outputs.EventBusName.Value).toEqual({ Ref: idOf(s.stack, s.stack.events.bus) });
  });
});

// A topology with what the real one lacks yet: a public route, a richer bus pattern, a rate schedule.
const RICH_PATTERN = {
  source: ['support-ledger'],
  'detail-type': ['TicketRaised', 'TicketEscalated'],
  detail: { priority: [{ 'anything-but': 'low' }], contract: { tier: ['Gold', { prefix: 'Plat' }] } },
  account: [{ exists: true }],
};
const variant: Topology = {
  publicApi: { ...topology.publicApi, rateLimit: { requestsPerSecond: 3, burst: 7 } },
  functions: {
    submitForm: {
      entry: 'functions/http/submit-form.ts',
      description: 'POST /v1/forms/contact: a website visitor asks for support',
      memoryMB: 256,
      timeoutSeconds: 5,
      access: [{ resource: 'table', table: 'events', mode: 'append' }, { resource: 'table', table: 'idempotency', mode: 'readWrite' }],
      triggers: [{ kind: 'http', method: 'POST', path: '/v1/forms/contact', auth: 'public' }],
    },
    eraseSubject: {
      entry: 'functions/http/erase-subject.ts',
      description: 'DELETE /v1/subjects/{id}: erases a data subject (crypto-shredding)',
      memoryMB: 256,
      timeoutSeconds: 10,
      access: [{ resource: 'table', table: 'events', mode: 'append' }, { resource: 'vault', mode: 'erase' }],
      triggers: [{ kind: 'http', method: 'DELETE', path: '/v1/subjects/{id}', auth: 'staff' }],
    },
    escalations: {
      entry: 'functions/reactors/escalations.ts',
      description: 'Reacts to raised and escalated tickets',
      memoryMB: 256,
      timeoutSeconds: 20,
      access: [{ resource: 'mail', mode: 'send' }],
      triggers: [
        { kind: 'bus', rule: 'ticket-escalations', pattern: RICH_PATTERN, retryAttempts: 3, maxEventAgeSeconds: 7_200 },
        { kind: 'schedule', name: 'sla-sweep', expression: 'rate(1 minute)' },
      ],
    },
  },
};

describe('a topology with a public route (synthesized from a test declaration)', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synth({
      topology: variant,
      context: { mailFrom: 'help@mail.example.org' },
      env: { PUBLIC_ORIGINS: 'https://www.example.org, https://example.org' },
    });
  });

  it('puts no authorizer on the public route and throttles it per route; cdk-nag accepts it as acknowledged', () => {
    const routeKey = 'POST /v1/forms/contact';
    const [routeId, route] = Object.entries(s.resources).find(([, r]) => r.Properties?.RouteKey === routeKey)!;
    expect(route.Properties.AuthorizationType).toBe('NONE');
    expect(route.Properties.AuthorizerId).toBeUndefined();
    expect(route.Properties.AuthorizationScopes).toBeUndefined();
    const stage = s.resources[idOf(s.stack, s.stack.api.stage)]!;
    expect(stage.Properties.RouteSettings).toEqual({
      [routeKey]: { ThrottlingRateLimit: 3, ThrottlingBurstLimit: 7 },
    });
    expect(stage.DependsOn).toContain(routeId);
    expect(new AwsSolutionsChecks().validateScope(s.app).violations).toEqual([]);
  });

  it('allows the origins of PUBLIC_ORIGINS', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: { AllowOrigins: ['https://www.example.org', 'https://example.org'] },
    });
  });

  it('sends mail from context `mailFrom`, verifying its domain', () => {
    const env = s.resources[idOf(s.stack, s.stack.functions.escalations!.function)]!.Properties.Environment.Variables;
    expect(env.MAIL_FROM).toBe('help@mail.example.org');
    s.template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'mail.example.org' });
  });

  const variantDeclared = Object.entries(variant.functions) as [string, FunctionDefinition][];
  it.each(triggersOf('bus', variantDeclared))('%s: the synthesized pattern deep-equals a richer declaration', (name, trigger) => {
    expectBusRule(s, name, trigger);
  });

  it.each(triggersOf('schedule', variantDeclared))('%s: a rate expression is passed verbatim', (name, trigger) => {
    expectScheduleRule(s, name, trigger);
  });

  it('lets an erasing function delete vault keys (and seal), with the vault env', () => {
    const grants = vaultGrantsOf(s, 'eraseSubject');
    expect(grants.table).toEqual(sorted(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem']));
    expect(grants.key).toEqual(['kms:Decrypt', 'kms:Encrypt']);
    for (const condition of grants.keyConditions) expect(condition).toEqual(KEYREF_ONLY);
    const env = s.resources[idOf(s.stack, s.stack.functions.eraseSubject!.function)]!.Properties.Environment.Variables;
    expect(Object.keys(env)).toEqual(expect.arrayContaining(['VAULT_TABLE', 'VAULT_KMS_KEY_ID']));
    // The others of this topology declare no vault access and get none.
    expect(vaultGrantsOf(s, 'submitForm')).toEqual({ table: [], key: [], keyConditions: [] });
  });

  it('gives a function with a bus and a schedule trigger one asynchronous configuration, the longer age', () => {
    s.template.resourceCountIs('AWS::Lambda::EventInvokeConfig', 1);
    expectAsyncInvokeConfig(s, 'escalations', 7_200);
  });
});

describe("Lambda's asynchronous retries", () => {
  it('LAMBDA_ASYNC_RETRIES is the most Lambda allows', () => {
    const stack = new Stack(new App(), 'Probe');
    const fn = (id: string) =>
      new LambdaFunction(stack, id, { runtime: NODE_RUNTIME, handler: 'index.handler', code: Code.fromInline('exports.handler=()=>1') });
    expect(LAMBDA_ASYNC_RETRIES).toBe(2);
    expect(() => fn('Max').configureAsyncInvoke({ retryAttempts: LAMBDA_ASYNC_RETRIES })).not.toThrow();
    expect(() => fn('Over').configureAsyncInvoke({ retryAttempts: LAMBDA_ASYNC_RETRIES + 1 })).toThrow(/between 0 and 2/);
  });
});

describe('the vault table as a plain table', () => {
  it('is refused: it is reached only through a vault access with a mode', () => {
    const t: Topology = {
      publicApi: topology.publicApi,
      functions: {
        peek: {
          entry: 'functions/http/peek.ts',
          description: 'reads the vault directly',
          memoryMB: 256,
          timeoutSeconds: 5,
          access: [{ resource: 'table', table: 'vault', mode: 'read' } as unknown as Access],
          triggers: [],
        },
      },
    };
    expect(() => buildApp({ env: {}, topology: t, projectRoot: stubProject(t), context: NO_BUNDLING })).toThrow(/vault access/);
  });
});

describe('cdk-nag', () => {
  it('fails synth on an unacknowledged finding', () => {
    const t: Topology = { publicApi: topology.publicApi, functions: {} };
    const { app, stack } = buildApp({ env: {}, topology: t, projectRoot: stubProject(t), context: NO_BUNDLING });
    new Queue(stack, 'Unencrypted', { enforceSSL: false });
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS3/);
  });
});

// ---------------------------------------------------------------------------------------------

const VAULT_MODES: readonly VaultMode[] = ['open', 'seal', 'erase'];
/** The strongest vault mode a declaration holds, if any. */
function vaultModeOf(d: FunctionDefinition): VaultMode | undefined {
  const modes = d.access.flatMap((a) => (a.resource === 'vault' ? [VAULT_MODES.indexOf(a.mode)] : []));
  return modes.length > 0 ? VAULT_MODES[Math.max(...modes)] : undefined;
}

/** The condition on every use of the vault key: the encryption context has the key `keyRef`, and no other. */
const KEYREF_ONLY = {
  'ForAnyValue:StringEquals': { 'kms:EncryptionContextKeys': 'keyRef' },
  'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': 'keyRef' },
};

/** What a function's role may do with the vault: DynamoDB actions on its table, KMS actions on its key. */
function vaultGrantsOf(s: Synthesized, name: string) {
  const allows = statementsOfRole(s, idOf(s.stack, s.stack.functions[name]!.role)).filter((st) => st.Effect === 'Allow');
  const tableArn = arnOf(idOf(s.stack, s.stack.tables.byId.vault.table));
  const keyArn = arnOf(idOf(s.stack, s.stack.vault.key));
  const onKey = allows.filter((st) => asList(st.Resource).some((r) => mentions(r, keyArn)));
  return {
    table: sorted(allows.filter((st) => asList(st.Resource).some((r) => mentions(r, tableArn))).flatMap((st) => asList(st.Action))),
    key: sorted(onKey.flatMap((st) => asList(st.Action))),
    keyConditions: onKey.map((st) => st.Condition),
  };
}

function expectSafeQueue(s: Synthesized, queueId: string): void {
  expect(s.resources[queueId]!.Properties.SqsManagedSseEnabled).toBe(true);
  const policies = Object.values(s.resources).filter(
    (r) => r.Type === 'AWS::SQS::QueuePolicy' && mentions(r.Properties.Queues, { Ref: queueId }),
  );
  const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
  expect(statements).toContainEqual(
    expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
  );
}

function ruleTargeting(s: Synthesized, name: string, match: (props: any) => boolean) {
  const fnArn = arnOf(idOf(s.stack, s.stack.functions[name]!.function));
  const rules = Object.values(s.resources).filter(
    (r) => r.Type === 'AWS::Events::Rule' && mentions(r.Properties.Targets, fnArn) && match(r.Properties),
  );
  expect(rules).toHaveLength(1);
  const rule = rules[0]!.Properties;
  expect(rule.Targets).toHaveLength(1);
  expect(rule.Targets[0].Arn).toEqual(fnArn);
  expectSafeQueue(s, rule.Targets[0].DeadLetterConfig.Arn['Fn::GetAtt'][0]);
  return rule;
}

function expectBusRule(s: Synthesized, name: string, trigger: Extract<Trigger, { kind: 'bus' }>): void {
  const rule = ruleTargeting(s, name, (p) => p.EventPattern !== undefined);
  expect(rule.EventPattern).toStrictEqual(trigger.pattern);
  expect(rule.EventBusName).toEqual({ Ref: idOf(s.stack, s.stack.events.bus) });
  expect(rule.Targets[0].RetryPolicy).toEqual({
    MaximumRetryAttempts: trigger.retryAttempts,
    MaximumEventAgeInSeconds: trigger.maxEventAgeSeconds,
  });
}

function expectScheduleRule(s: Synthesized, name: string, trigger: Extract<Trigger, { kind: 'schedule' }>): void {
  const rule = ruleTargeting(s, name, (p) => p.ScheduleExpression !== undefined);
  expect(rule.ScheduleExpression).toBe(trigger.expression);
  expect(rule.EventBusName).toBeUndefined();
  expect(rule.Targets[0].RetryPolicy).toEqual({
    MaximumRetryAttempts: SCHEDULE_RETRY.retryAttempts,
    MaximumEventAgeInSeconds: SCHEDULE_RETRY.maxEventAge.toSeconds(),
  });
}

/** What the topology asks of Lambda: the longest event age of its bus and schedule triggers, at most 6 hours. */
function expectedEventAge(triggers: readonly Trigger[]): number {
  const ages = triggers.flatMap((t) =>
    t.kind === 'bus' ? [t.maxEventAgeSeconds] : t.kind === 'schedule' ? [SCHEDULE_RETRY.maxEventAge.toSeconds()] : [],
  );
  return Math.min(21_600, Math.max(...ages));
}

function expectAsyncInvokeConfig(s: Synthesized, name: string, maxEventAgeSeconds: number): void {
  const fn = s.stack.functions[name]!;
  const configs = Object.values(s.resources).filter(
    (r) => r.Type === 'AWS::Lambda::EventInvokeConfig' && mentions(r.Properties.FunctionName, { Ref: idOf(s.stack, fn.function) }),
  );
  expect(configs).toHaveLength(1);
  const config = configs[0]!.Properties;
  expect(config).toMatchObject({
    Qualifier: '$LATEST',
    MaximumRetryAttempts: LAMBDA_ASYNC_RETRIES,
    MaximumEventAgeInSeconds: maxEventAgeSeconds,
  });
  expect(config.DestinationConfig.OnSuccess).toBeUndefined();
  const queueId: string = config.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0];
  expect(s.resources[queueId]!.Type).toBe('AWS::SQS::Queue');
  expectSafeQueue(s, queueId);
  // Lambda sends failed events with the function's role, which must be allowed to (and be so
  // before the configuration is created: the function depends on the role's policy).
  const sends = statementsOfRole(s, idOf(s.stack, fn.role)).filter(
    (st) => st.Effect === 'Allow' && asList(st.Action).includes('sqs:SendMessage'),
  );
  expect(sends.map((st) => st.Resource)).toEqual([arnOf(queueId)]);
  const policyIds = Object.entries(s.resources)
    .filter(([, r]) => r.Type === 'AWS::IAM::Policy' && mentions(r.Properties.Roles, { Ref: idOf(s.stack, fn.role) }))
    .map(([id]) => id);
  expect(s.resources[idOf(s.stack, fn.function)]!.DependsOn).toEqual(expect.arrayContaining(policyIds));
  // A queue of its own: not the rule's dead-letter queue, whose messages mean something else.
  const ruleDlqs = Object.values(s.resources)
    .filter((r) => r.Type === 'AWS::Events::Rule')
    .flatMap((r) => r.Properties.Targets.map((t: any) => t.DeadLetterConfig?.Arn?.['Fn::GetAtt']?.[0]));
  expect(ruleDlqs).not.toContain(queueId);
}
