import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { aliases, ESM_REQUIRE_BANNER, MAIN_FIELDS } from '../../infra/bundling';
import { functions } from '../../infra/topology';
import { REGION } from './env';
import { median, round } from './stats';

const run = promisify(execFile);
const projectRoot = resolve(import.meta.dirname, '../..');

export const TARGET_KB = 400;
export const TARGET_IMPORT_MS = 150;
const IMPORT_RUNS = 5;


export interface BundleResult {
  name: string;
  entry: string;
  sizeKB: number;
  importMs: number;
  importRunsMs: number[];
  meetsSize: boolean;
  meetsImport: boolean;
  /** The packages that weigh most in the bundle (bytes of output). */
  heaviest: { module: string; kB: number }[];
}

/** What a handler module reads from the environment when it is imported (dummy values). */
const importEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  AWS_REGION: REGION,
  AWS_ACCESS_KEY_ID: 'dummy',
  AWS_SECRET_ACCESS_KEY: 'dummy',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
  EVENTS_TABLE: 'bench-events',
  VIEWS_TABLE: 'bench-views',
  IDEMPOTENCY_TABLE: 'bench-idempotency',
  MAIL_FROM: 'support@support-ledger.test',
  MAIL_CONFIGURATION_SET: 'support-ledger',
  EVENT_BUS_NAME: 'support-ledger',
});

/** Groups a metafile's output bytes by package (node_modules/<pkg>) or by our top-level folder. */
function heaviest(metafile: Metafile, top = 3): { module: string; kB: number }[] {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      const key = match ? match[1] : `(project) ${path.split('/')[0]}`;
      bytes.set(key, (bytes.get(key) ?? 0) + bytesInOutput);
    }
  }
  return [...bytes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([module, n]) => ({ module, kB: round(n / 1024, 1) }));
}

/** Milliseconds to import `file` in a fresh Node process (node's own start-up not included). */
async function importMs(file: string): Promise<number> {
  const code = `const t = process.hrtime.bigint(); await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(Number(process.hrtime.bigint() - t) / 1e6);`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], { env: importEnv(), cwd: tmpdir() });
  const ms = Number(stdout.trim().split('\n').at(-1));
  if (!Number.isFinite(ms)) throw new Error(`could not time the import of ${file}: ${stdout}`);
  return ms;
}

/** Bundles every function of the topology as its deployment would, then sizes and times it. */
export async function benchBundles(): Promise<BundleResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'support-ledger-bench-'));
  try {
    const results: BundleResult[] = [];
    for (const [name, fn] of Object.entries(functions)) {
      const outfile = join(dir, `${name}.mjs`);
      const { metafile } = await build({
        entryPoints: [resolve(projectRoot, fn.entry)],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        mainFields: MAIN_FIELDS,
        alias: aliases(projectRoot),
        minify: true,
        sourcemap: false,
        banner: { js: ESM_REQUIRE_BANNER },
        metafile: true,
        logLevel: 'silent',
        absWorkingDir: projectRoot,
      });
      const sizeKB = round((await stat(outfile)).size / 1024, 1);
      const runs: number[] = [];
      for (let i = 0; i < IMPORT_RUNS; i++) runs.push(round(await importMs(outfile)));
      const ms = round(median(runs));
      results.push({
        name,
        entry: fn.entry,
        sizeKB,
        importMs: ms,
        importRunsMs: runs,
        meetsSize: sizeKB < TARGET_KB,
        meetsImport: ms < TARGET_IMPORT_MS,
        heaviest: heaviest(metafile),
      });
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
