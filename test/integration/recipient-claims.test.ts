import { beforeAll, describe, expect, it } from 'vitest';
import { RecipientClaims } from '../../functions/notifier/mailings/recipient-claims';
import { createTestTables, dynamoClient, type TableNames } from '../support/emulators';

/** The per-recipient records that make a mailing reach each recipient once (DynamoDB Local). */
describe('RecipientClaims', () => {
  let names: TableNames;
  const client = dynamoClient();
  beforeAll(async () => {
    names = await createTestTables(client);
  });
  const claims = () => new RecipientClaims(client, names.idempotency);
  const t0 = Date.parse('2026-11-21T10:00:00Z');

  it('claims a recipient once; a claim within its lease is busy; once sent it stays sent', async () => {
    expect(await claims().claim('E1', 'C1', t0)).toBe('claimed');
    expect(await claims().claim('E1', 'C1', t0 + 1_000)).toBe('busy');
    expect(await claims().claim('E1', 'C2', t0)).toBe('claimed');
    expect(await claims().claim('E2', 'C1', t0)).toBe('claimed');
    await claims().sent('E1', 'C1', 'msg-1');
    expect(await claims().claim('E1', 'C1', t0 + 1_000)).toBe('sent');
    expect(await claims().claim('E1', 'C1', t0 + 86_400_000)).toBe('sent');
  });

  it('takes over a claim whose lease ran out without being sent (the run died mid-send)', async () => {
    expect(await claims().claim('E3', 'C1', t0)).toBe('claimed');
    expect(await claims().claim('E3', 'C1', t0 + 120_000)).toBe('claimed');
    expect(await claims().claim('E3', 'C1', t0 + 121_000)).toBe('busy');
  });
});
