import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { TABLES, tableEnvVar, type TableId } from '../../functions/tables';
import { functions, publicApi, type FunctionName } from '../topology';
import { LocalBus } from './bus';
import { createTable, streamArn } from './create-tables';
import { loadOrCreateKey } from './dev-auth';
import { startDynamoDbLocal } from './dynamodb-local';
import { localFunctions } from './functions';
import { startHttpServer } from './http-server';
import { lockDataDir } from './data-lock';
import { assertPortFree, freePort } from './ports';
import { LocalScheduler, scheduledEvent } from './scheduler';
import { startSesLocal } from './ses-local';
import { StreamPoller } from './stream-poller';
import { startWebServer } from './web-server';

export interface LocalRuntimeOptions {
  /** Where data lives on disk; omit for an in-memory run. */
  dataDir?: string;
  apiPort?: number;
  /** Serve the example website (infra/local/web) on this loopback port as http://localhost:<port> (0: a free one); omit for none. */
  webPort?: number;
  sesPort?: number;
  dynamoPort?: number;
  /** Use an emulator that is already running instead of starting one (tests share one). */
  dynamoEndpoint?: string;
  sesEndpoint?: string;
  tablePrefix?: string;
  /** File holding the key that signs local staff tokens (default: in dataDir, or a fresh key). */
  jwtKey?: Uint8Array;
  allowedOrigins?: string[];
  /** Fire schedules from the clock (off in tests, which fire them at chosen times). */
  schedules?: boolean;
  region?: string;
}

export interface LocalRuntime {
  apiUrl: string;
  mailUrl: string;
  /** The example website, when `webPort` was given. */
  webUrl?: string;
  dynamoEndpoint: string;
  tables: Record<TableId, string>;
  jwtKey: Uint8Array;
  bus: LocalBus;
  /** Fires a schedule as EventBridge would at `time`. */
  fireSchedule(name: string, time: Date): Promise<unknown>;
  /** Waits until the stream and the bus have nothing left to do. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * Runs the topology on this machine: DynamoDB Local (tables from the same definitions as the CDK
 * app), the SES emulator, the local bus and scheduler, the stream poller feeding the projector,
 * and the HTTP API. Handlers are the deployed ones, invoked in-process with AWS's event shapes.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const region = options.region ?? 'eu-north-1';
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((e) => console.error('[local] stop failed:', e));
  };
  try {
    if (options.dataDir) stops.push(lockDataDir(options.dataDir));
    if (options.apiPort) await assertPortFree(options.apiPort, 'the HTTP API', 'API_PORT');
    if (options.webPort) await assertPortFree(options.webPort, 'the example website', 'WEB_PORT');
    // Wait for both emulators, so whichever did start is stopped again if the other fails.
    const [dynamoStart, sesStart] = await Promise.allSettled([
      options.dynamoEndpoint
        ? undefined
        : startDynamoDbLocal({ port: options.dynamoPort ?? (await freePort()), dataDir: options.dataDir && join(options.dataDir, 'dynamodb') }),
      options.sesEndpoint ? undefined : startSesLocal({ port: options.sesPort ?? (await freePort()) }),
    ]);
    for (const result of [dynamoStart, sesStart]) if (result.status === 'fulfilled' && result.value) stops.push(result.value.stop);
    for (const result of [dynamoStart, sesStart]) if (result.status === 'rejected') throw result.reason;
    const dynamoEndpoint = options.dynamoEndpoint ?? (dynamoStart as PromiseFulfilledResult<{ endpoint: string }>).value.endpoint;
    const sesEndpoint = options.sesEndpoint ?? (sesStart as PromiseFulfilledResult<{ endpoint: string }>).value.endpoint;

    const prefix = options.tablePrefix ?? 'support-ledger';
    const tables = Object.fromEntries(TABLES.map((t) => [t.id, `${prefix}-${t.id}`])) as Record<TableId, string>;
    const client = new DynamoDBClient({ endpoint: dynamoEndpoint, region, credentials });
    await Promise.all(TABLES.map((t) => createTable(client, t, tables[t.id])));

    const invoke = localFunctions(region);
    const bus = new LocalBus(invoke, region);
    const busEndpoint = await bus.listen(0);
    stops.push(() => bus.close());

    Object.assign(process.env, {
      AWS_REGION: region,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
      AWS_ENDPOINT_URL_SESV2: sesEndpoint,
      AWS_ENDPOINT_URL_EVENTBRIDGE: busEndpoint,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      EVENT_BUS_NAME: 'support-ledger',
      MAIL_FROM: process.env.MAIL_FROM ?? 'support@support-ledger.local',
      MAIL_CONFIGURATION_SET: 'support-ledger',
      // The PII vault's master key (KMS stands in for it in AWS): kept in the data directory, or new for an in-memory run.
      VAULT_MASTER_KEY: Buffer.from(options.dataDir ? loadOrCreateKey(join(options.dataDir, 'vault-master.key')) : randomBytes(32)).toString('base64'),
      ...Object.fromEntries(TABLES.map((t) => [tableEnvVar(t.id), tables[t.id]])),
    });

    const streamTrigger = functions.projector.triggers[0];
    const poller = new StreamPoller({
      client: new DynamoDBStreamsClient({ endpoint: dynamoEndpoint, region, credentials }),
      streamArn: await streamArn(client, tables[streamTrigger.table]),
      region,
      batchSize: streamTrigger.batchSize,
      retryAttempts: streamTrigger.retryAttempts,
      consume: (event) => invoke('projector', event) as Promise<DynamoDBBatchResponse>,
      checkpointFile: options.dataDir && join(options.dataDir, 'stream-checkpoints.json'),
    });
    poller.start();
    stops.push(() => poller.stop());

    const schedules = Object.entries(functions).flatMap(([name, fn]) =>
      fn.triggers.flatMap((t) => (t.kind === 'schedule' ? [{ name: t.name, expression: t.expression, target: name as FunctionName }] : [])),
    );
    const fireSchedule = async (name: string, time: Date) => {
      const schedule = schedules.find((s) => s.name === name);
      if (!schedule) throw new Error(`no schedule ${name}; known: ${schedules.map((s) => s.name).join(', ')}`);
      return invoke(schedule.target, scheduledEvent(name, time, region));
    };
    if (options.schedules !== false) {
      const scheduler = new LocalScheduler(
        schedules.map((s) => ({ name: s.name, expression: s.expression, fire: async (event) => void (await invoke(s.target, event)) })),
        { region },
      );
      scheduler.start();
      stops.push(async () => scheduler.stop());
    }

    const jwtKey = options.jwtKey ?? loadOrCreateKey(join(options.dataDir ?? join(process.cwd(), '.local'), 'dev-jwt.key'));
    const api: Server = await startHttpServer({
      port: options.apiPort ?? 0,
      invoke,
      jwtKey,
      region,
      allowedOrigins: options.allowedOrigins ?? process.env.PUBLIC_ORIGINS?.split(',') ?? publicApi.defaultAllowedOrigins,
      local: async (req, url) => {
        const m = /^\/_local\/schedules\/([^/]+)$/.exec(url.pathname);
        if (!m || req.method !== 'POST') return undefined;
        if (!schedules.some((s) => s.name === m[1])) return { status: 404, body: { message: `No schedule ${m[1]}; known: ${schedules.map((s) => s.name).join(', ')}` } };
        const time = new Date(url.searchParams.get('time') ?? Date.now());
        if (Number.isNaN(time.getTime())) return { status: 400, body: { message: 'time must be an ISO instant' } };
        return { status: 200, body: { fired: m[1], time: time.toISOString(), result: (await fireSchedule(m[1], time)) ?? null } };
      },
    });
    stops.push(() => new Promise((resolve) => { api.closeAllConnections(); api.close(resolve); }));
    const apiUrl = `http://127.0.0.1:${(api.address() as { port: number }).port}`;
    const web = options.webPort === undefined ? undefined : await startWebServer({ port: options.webPort, apiUrl });
    if (web) stops.push(web.stop);
    // The addresses the notifier puts in the links it mails (unsubscribe): the website's page and the API's one-click address.
    process.env.PUBLIC_SITE_URL = web?.url ?? process.env.PUBLIC_SITE_URL ?? publicApi.defaultAllowedOrigins[0];
    process.env.PUBLIC_API_URL = apiUrl;

    return {
      apiUrl,
      mailUrl: sesEndpoint,
      webUrl: web?.url,
      dynamoEndpoint,
      tables,
      jwtKey,
      bus,
      fireSchedule,
      async settle() {
        for (;;) {
          await poller.drain();
          await bus.idle();
          if ((await poller.pollOnce()) === 0) return;
        }
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
