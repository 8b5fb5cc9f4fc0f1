import { createServer } from 'node:net';

/** Thrown when the local runtime cannot start; the message says what to do. */
export class LocalSetupError extends Error {
  override name = 'LocalSetupError';
}

/** Resolves when `port` on 127.0.0.1 can be listened on; explains how to free it otherwise. */
export function assertPortFree(port: number, what: string, envVar: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new LocalSetupError(`Port ${port} for ${what} is taken. Stop what uses it, or choose another port with ${envVar}=<port>.`)
          : error,
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** A port nobody listens on right now (for tests and in-memory runs). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
