import { join } from 'node:path';
import { publicApi } from '../topology';
import { LocalSetupError } from './ports';
import { startLocalRuntime } from './runtime';

/**
 * `npm start`: the whole backend on this machine. Data is kept in `.local/` (pass --in-memory to
 * keep nothing). Ports: API_PORT (3000), SES_PORT (8005), DYNAMODB_PORT (8000), WEB_PORT (5173, the example website).
 */
const inMemory = process.argv.includes('--in-memory');
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function port(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new LocalSetupError(`${name} must be a port number (1–65535), not "${process.env[name]}".`);
  }
  return value;
}

try {
  const runtime = await startLocalRuntime({
    dataDir: inMemory ? undefined : join(process.cwd(), '.local'),
    jwtKey: undefined,
    apiPort: port('API_PORT', 3000),
    webPort: port('WEB_PORT', 5173),
    sesPort: port('SES_PORT', 8005),
    dynamoPort: port('DYNAMODB_PORT', 8000),
  });
  console.log(`
support-ledger is running locally (${inMemory ? 'in memory' : 'data in .local/'})
  HTTP API      ${runtime.apiUrl}
  Mail viewer   ${runtime.mailUrl}
  Website forms ${runtime.webUrl}${(process.env.PUBLIC_ORIGINS?.split(',') ?? publicApi.defaultAllowedOrigins).includes(runtime.webUrl!) ? '' : `  (not allowed by CORS: add it to PUBLIC_ORIGINS)`}
  DynamoDB      ${runtime.dynamoEndpoint}

  Staff token:  npm run token -- --role admin
  Try:          curl -H "Authorization: Bearer $(npm run -s token -- --role admin)" ${runtime.apiUrl}/v1/contracts/<id>
  Run a sweep:  curl -X POST "${runtime.apiUrl}/_local/schedules/expire-contracts?time=2030-01-01T00:05:00Z"
Press Ctrl-C to stop.`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping…');
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  console.error(error instanceof LocalSetupError ? `Cannot start: ${error.message}` : error);
  process.exit(1);
}
