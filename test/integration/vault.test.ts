import { randomBytes } from 'node:crypto';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NewEvent } from '../../events/catalog';
import { isSealed, keyRefOf, subjectKeyRef, subjectOfKeyRef } from '../../events/sealed';
import { openWith, sealWith } from '../../functions/privacy/cipher';
import { sealEvents } from '../../functions/privacy/seal-events';
import { ERASED, Sealer } from '../../functions/privacy/sealer';
import { LocalKeyWrapper } from '../../functions/vault/key-wrapper';
import { Vault } from '../../functions/vault/vault';
import { createTestTables, dynamoClient } from '../support/emulators';

/**
 * The PII vault on DynamoDB Local: keys created once (also by racing writers), wrapped at rest,
 * erased for good; values sealed per subject and opened, or read as erased once the key is gone;
 * the store's sealing step seals exactly the personal fields, with the right subject.
 */
describe('the PII vault', () => {
  const client = dynamoClient();
  const master = randomBytes(32);
  let vault: Vault;
  let sealer: Sealer;
  let table: string;

  beforeAll(async () => {
    table = (await createTestTables(client)).vault;
    vault = new Vault({ client, table, wrapper: new LocalKeyWrapper(master), cacheMs: 0 });
    sealer = new Sealer(vault);
  });

  it('AES-256-GCM: a value opens only with its key and its key reference; tampering fails', () => {
    const key = randomBytes(32);
    const sealed = sealWith(key, 's-abc', 'Ada Lovelace');
    expect(isSealed(sealed)).toBe(true);
    expect(keyRefOf(sealed)).toBe('s-abc');
    expect(openWith(key, sealed)).toBe('Ada Lovelace');
    expect(() => openWith(randomBytes(32), sealed)).toThrow();
    expect(() => openWith(key, sealed.replace('s-abc', 's-abd'))).toThrow();
    expect(() => openWith(key, `${sealed.slice(0, -2)}AA`)).toThrow();
    expect(sealWith(key, 's-abc', 'Ada Lovelace')).not.toBe(sealed);
  });

  it('creates a key once, even for racing writers; stores it only wrapped; erases it for good', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => vault.keyOrCreate('s-race')));
    expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1);
    const { Item } = await client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'key#s-race' }, sk: { S: 'key' } } }));
    const stored = Buffer.from(Item!.wrapped.B!);
    expect(stored.includes(keys[0])).toBe(false);
    expect(await new LocalKeyWrapper(master).unwrap(stored, 's-race')).toEqual(keys[0]);
    await expect(new LocalKeyWrapper(master).unwrap(stored, 's-other')).rejects.toThrow();
    expect(await vault.erase('s-race')).toBe(true);
    expect(await vault.key('s-race')).toBeUndefined();
    expect(await vault.erase('s-race')).toBe(false);
  });

  it('one subject per e-mail address, whatever its case; values read as erased once the subject is erased, even if it comes back', async () => {
    const subject = await sealer.subjectOf(' Ada@Example.com ');
    expect(subject).toMatch(/^[0-9a-f]{32}$/);
    expect(await sealer.subjectOf('ada@example.com')).toBe(subject);
    expect(await sealer.subjectOf('bob@example.com')).not.toBe(subject);
    const sealed = await sealer.sealForSubject('Ada Lovelace', subject);
    expect(await sealer.openDeep({ customer: { name: sealed, locale: 'en' }, list: [sealed] })).toEqual({ customer: { name: 'Ada Lovelace', locale: 'en' }, list: ['Ada Lovelace'] });
    await vault.erase(subjectKeyRef(subject));
    expect(await sealer.open(sealed)).toBeUndefined();
    await sealer.sealForSubject('Ada again', subject); // a new key under the same reference
    expect(await sealer.openDeep({ name: sealed })).toEqual({ name: ERASED });
  });

  it("the store's sealing step seals the personal fields only, each with its subject's key; a ticket's free text is its contact's", async () => {
    const order = {
      type: 'ContractOrdered',
      payload: {
        contractId: 'C-1', channel: 'website', regionId: 'ch', planId: 'profi', termMonths: 12, startsOn: '2026-01-01', licencePackages: 1, addOns: [],
        customer: { name: 'Hélène Favre', email: 'helene@example.ch', locale: 'fr', timeZone: 'Europe/Zurich', taxId: 'CHE-1' },
        registeredPersons: [{ personId: 'P1', name: 'Marc', email: 'marc@example.ch' }],
        quote: { lines: [], total: { amount: 0, currency: 'CHF' } },
      },
    } as unknown as NewEvent;
    const [sealed] = await sealEvents(sealer, vault, 'contract#C-1', [order]);
    const p = sealed.payload as { customer: Record<string, string>; registeredPersons: Record<string, string>[]; planId: string };
    expect([p.customer.name, p.customer.email, p.customer.taxId, p.registeredPersons[0].name].every(isSealed)).toBe(true);
    expect([p.customer.locale, p.planId, p.registeredPersons[0].personId]).toEqual(['fr', 'profi', 'P1']);
    expect(subjectOfKeyRef(keyRefOf(p.customer.name))).toBe(await sealer.subjectOf('helene@example.ch'));
    expect(subjectOfKeyRef(keyRefOf(p.registeredPersons[0].email))).toBe(await sealer.subjectOf('marc@example.ch'));
    expect(await vault.streamsOf(await sealer.subjectOf('marc@example.ch'))).toEqual(['contract#C-1']);

    // A credit account's notes are its contract's customer's.
    const note = { type: 'WorkLogged', payload: { note: 'Appel avec Hélène' } } as unknown as NewEvent;
    const [work] = await sealEvents(sealer, vault, 'credit#C-1', [note]);
    expect(subjectOfKeyRef(keyRefOf((work.payload as { note: string }).note))).toBe(await sealer.subjectOf('helene@example.ch'));
    // Free text of a stream with no owner is refused rather than left in clear.
    await expect(sealEvents(sealer, vault, 'ticket#unknown', [{ type: 'AgentReplied', payload: { ticketId: 'T', agentId: 'a', body: 'hi' } } as NewEvent])).rejects.toThrow(/no owner/);
  });
});
