import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBJECT_CATEGORY } from '../../domain/privacy/subject';
import { streamId } from '../../events/envelope';
import { sealer } from '../../functions/runtime/vault';
import { launchChromium } from '../support/browser';
import { mailsTo, startTestRuntime, uniqueEmail, type TestRuntime } from '../support/local-runtime';
import { allEvents } from '../support/stored-data';

/**
 * The example website's unsubscribe page (infra/local/web/unsubscribe.html) in headless Chromium,
 * opened from the link in a marketing e-mail read from the SES emulator: loading it sends nothing
 * (mail scanners open links); pressing the button unsubscribes.
 */
describe('the unsubscribe page in a browser', () => {
  let rt: TestRuntime;
  let browser: Browser;
  let page: Page;
  const apiRequests: Request[] = [];

  beforeAll(async () => {
    [rt, browser] = await Promise.all([startTestRuntime({ web: true }), launchChromium()]);
    page = await browser.newPage();
    page.on('request', (request) => {
      if (request.url().startsWith(rt.apiUrl)) apiRequests.push(request);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  it('unsubscribes only when the button is pressed; a forged link is refused', async () => {
    const admin = await rt.token('admin');
    const email = uniqueEmail('web.unsubscribe');
    const created = await rt.call('POST', '/v1/contracts', {
      token: admin,
      body: { customer: { name: 'Hedy', email, locale: 'en' }, planId: 'gold', startsOn: '2026-01-01', termMonths: 12, timeZone: 'Europe/Stockholm' },
    });
    expect(created.status).toBe(201);
    await rt.settle();
    expect((await rt.call('POST', '/v1/mailings', { token: admin, body: { kind: 'marketing', subject: 'Web news', text: 'News.', audience: { contractIds: [created.body.contractId] } } })).status).toBe(202);
    await rt.settle();
    const [news] = (await mailsTo(email)).filter((m) => m.subject === 'Web news');
    const link = news!.text.split(/\s/).at(-1)!;
    expect(link.startsWith(`${rt.webUrl}/unsubscribe.html?token=`)).toBe(true);

    await page.goto(link);
    await page.waitForSelector('html[data-ready="true"]');
    expect(apiRequests).toHaveLength(0);
    const subjectStream = streamId(SUBJECT_CATEGORY, await sealer().subjectOf(email));
    expect((await allEvents(rt)).filter((e) => e.streamId === subjectStream)).toHaveLength(0);

    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByRole('heading', { name: 'You are unsubscribed' }).waitFor();
    expect(await page.locator('.result').textContent()).toContain('no more e-mails with our news and offers');
    expect(apiRequests.map((r) => `${r.method()} ${new URL(r.url()).pathname}`).filter((r) => r.startsWith('POST'))).toEqual(['POST /v1/public/unsubscribe']);
    expect((await allEvents(rt)).filter((e) => e.streamId === subjectStream).map((e) => e.type)).toEqual(['ProcessingLimited']);

    await page.goto(`${link.slice(0, -4)}AAAA`);
    await page.waitForSelector('html[data-ready="true"]');
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByText('This link is not valid.').waitFor();
    await page.goto(`${rt.webUrl}/unsubscribe.html`);
    await page.waitForSelector('html[data-ready="true"]');
    expect(await page.getByRole('button', { name: 'Unsubscribe' }).isDisabled()).toBe(true);
  });
});
