import { randomUUID } from 'node:crypto';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContractView } from '../../domain/contract/view';
import type { IntegrationDetail } from '../../events/integration';
import { ViewStore } from '../../functions/views/view-store';
import { lambdaContext } from '../../infra/local/lambda-context';
import { createTestTables, dynamoClient, useEmulatorEnvironment } from '../support/emulators';
import { contractActivated, contractCreated } from '../support/fixtures';
import { mailsTo, uniqueEmail } from '../support/local-runtime';

/** The notifier against DynamoDB Local (views, idempotency records) and the SES emulator. */
describe('notifier', () => {
  const client = dynamoClient();
  let views: ViewStore;
  let notify: (event: EventBridgeEvent<string, IntegrationDetail>, context: Context) => Promise<unknown>;

  beforeAll(async () => {
    const tables = await createTestTables(client);
    useEmulatorEnvironment(tables);
    views = new ViewStore(client, tables.views);
    ({ handler: notify } = await import('../../functions/notifier/handler'));
  });

  async function contractCreatedEvent(email: string, locale = 'en') {
    const contractId = randomUUID();
    const streamId = `contract#${contractId}`;
    const ordered = contractCreated(contractId).payload as ContractView;
    const payload = contractActivated(contractId).payload as ContractView;
    const view: ContractView = {
      ...ordered, ...payload, customer: { ...ordered.customer, name: 'Grace Hopper', email, locale: locale as ContractView['customer']['locale'] },
      status: 'active', createdAt: '2026-01-01T00:00:00.000Z', remindedOffsets: [], systemReviewsDue: [],
    };
    await views.put(streamId, { view, version: 2, due: [] }, undefined);
    const detail = {
      eventId: randomUUID(), streamId, version: 2, type: 'ContractActivated', schemaVersion: 1, occurredAt: '2026-01-01T00:00:00.000Z',
      correlationId: 'c', causationId: 'c', actor: { kind: 'system', id: 'test' }, payload,
    } as IntegrationDetail;
    const event = (): EventBridgeEvent<string, IntegrationDetail> => ({
      version: '0', id: randomUUID(), 'detail-type': 'ContractActivated', source: 'support-ledger', account: '000000000000',
      time: '2026-01-01T00:00:00Z', region: 'eu-north-1', resources: [], detail,
    });
    return { contractId, event };
  }

  const context = () => lambdaContext('notifier', 30, 'eu-north-1');

  it('mails the customer once, however often the same event is delivered', async () => {
    const email = uniqueEmail('grace');
    const { contractId, event } = await contractCreatedEvent(email);
    await notify(event(), context());
    await notify(event(), context());
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(`Your support agreement ${contractId} is confirmed`);
    expect(mails[0].html).toContain('<p>Dear Grace Hopper,</p>');
  });

  it('sends one mail when the same event arrives twice at the same time', async () => {
    const email = uniqueEmail('twice');
    const { event } = await contractCreatedEvent(email);
    const outcomes = await Promise.allSettled([notify(event(), context()), notify(event(), context())]);
    // The loser of the race is told the event is in progress (and would be retried by EventBridge).
    expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
    await notify(event(), context()).catch(() => undefined);
    expect(await mailsTo(email)).toHaveLength(1);
  });

  it('escapes customer text in the HTML part and writes in the customer language', async () => {
    const email = uniqueEmail('html');
    const { event } = await contractCreatedEvent(email, 'sv');
    const e = event();
    const view = await views.get<ContractView>(e.detail.streamId);
    await views.put(e.detail.streamId, { ...view!, view: { ...view!.view, customer: { ...view!.view.customer, name: '<b>Bobby</b>' } }, version: 3 }, view);
    await notify({ ...e, detail: { ...e.detail, version: 1 } }, context());
    const [mail] = await mailsTo(email);
    expect(mail.html).toContain('&lt;b&gt;Bobby&lt;/b&gt;');
    expect(mail.html).toContain('lang="sv"');
    expect(mail.text).toContain('Hej <b>Bobby</b>!');
  });

  /** A contract event whose view holds the customer's name and e-mail sealed, as the projector writes it. */
  async function sealedContractEvent(email: string) {
    const { sealer, vault } = await import('../../functions/runtime/vault');
    const subjectId = await sealer().subjectOf(email);
    const { contractId, event } = await contractCreatedEvent(await sealer().sealForSubject(email, subjectId));
    const e = event();
    const stored = await views.get<ContractView>(e.detail.streamId);
    const customer = { ...stored!.view.customer, name: await sealer().sealForSubject('Grace Hopper', subjectId) };
    await views.put(e.detail.streamId, { ...stored!, view: { ...stored!.view, customer } }, stored);
    return { contractId, event, erase: () => vault().erase(`s-${subjectId}`) };
  }

  it('opens the sealed view to write the mail, to the address in clear', async () => {
    const email = uniqueEmail('sealed');
    const { contractId, event } = await sealedContractEvent(email);
    await notify(event(), context());
    const mails = await mailsTo(email);
    expect(mails.map((m) => m.subject)).toEqual([`Your support agreement ${contractId} is confirmed`]);
    expect(mails[0].html).toContain('<p>Dear Grace Hopper,</p>');
    expect(mails[0].text).not.toContain('sealed:');
  });

  it('sends nothing when the recipient was erased', async () => {
    const email = uniqueEmail('erased');
    const { event, erase } = await sealedContractEvent(email);
    expect(await erase()).toBe(true);
    expect(await notify(event(), context())).toEqual({});
    expect(await mailsTo(email)).toEqual([]);
    expect(await mailsTo('[erased]')).toEqual([]);
  });
});
