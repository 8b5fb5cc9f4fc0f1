import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalSetupError } from './ports';

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Claims the data folder for this process, so two runtimes never share one database, stream
 * checkpoint and scheduler. Returns the release function. A lock left by a process that has
 * died is taken over.
 */
export function lockDataDir(dir: string): () => Promise<void> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'runtime.pid');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(readFileSync(file, 'utf8'));
    if (holder !== process.pid && isRunning(holder)) {
      throw new LocalSetupError(
        `Another support-ledger runtime (pid ${holder}) is using ${dir}. Stop it first, or run this one with --in-memory.`,
      );
    }
    writeFileSync(file, String(process.pid));
  }
  return async () => rmSync(file, { force: true });
}
