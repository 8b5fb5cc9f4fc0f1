import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from '../../infra/local/data-lock';

describe('the local data folder lock', () => {
  it('refuses a second runtime on the same data, and frees the folder on release', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-lock-'));
    writeFileSync(join(dir, 'runtime.pid'), String(process.ppid)); // a live process holds it
    expect(() => lockDataDir(dir)).toThrow(/Another support-ledger runtime \(pid \d+\) is using .*--in-memory/);
    writeFileSync(join(dir, 'runtime.pid'), '999999999'); // a process that is gone
    const release = lockDataDir(dir);
    await release();
    await (lockDataDir(dir))();
  });
});
