import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { freePort, LocalSetupError } from '../../infra/local/ports';
import { startSesLocal } from '../../infra/local/ses-local';

describe('local runtime start-up problems get a clear message', () => {
  it('says which port is taken and how to choose another', async () => {
    const blocker = createServer();
    const port = await freePort();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', r));
    try {
      await expect(startSesLocal({ port })).rejects.toThrow(new LocalSetupError(`Port ${port} for the SES emulator is taken. Stop what uses it, or choose another port with SES_PORT=<port>.`));
      await expect(startDynamoDbLocal({ port })).rejects.toThrow(/DYNAMODB_PORT=<port>/);
    } finally {
      blocker.close();
    }
  });

  it('says Java is missing and how to install it', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(startDynamoDbLocal({ port: await freePort() })).rejects.toThrow(/Java 17 or newer is needed.*default-jre-headless/);
    } finally {
      process.env.PATH = path;
    }
  });
});
