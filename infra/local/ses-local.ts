import type { Server } from 'node:http';
import sesModule from 'aws-ses-v2-local';
import { assertPortFree } from './ports';

export interface SesLocal {
  /** SES v2 API endpoint, and the mail viewer at `/`. */
  endpoint: string;
  stop(): Promise<void>;
}

/** Starts the SES v2 emulator (aws-ses-v2-local) on 127.0.0.1:`port`; its web view lists the mail sent. */
export async function startSesLocal(options: { port: number }): Promise<SesLocal> {
  await assertPortFree(options.port, 'the SES emulator', 'SES_PORT');
  // A CommonJS module whose `default` export ESM sees one level down.
  const start = ((sesModule as unknown as { default?: typeof sesModule }).default ?? sesModule) as typeof sesModule;
  const server: Server = await start({ host: '127.0.0.1', port: options.port });
  return {
    endpoint: `http://127.0.0.1:${options.port}`,
    stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
