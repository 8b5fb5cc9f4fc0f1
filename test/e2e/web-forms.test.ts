import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredRoutes } from '../../infra/local/routes';
import { launchChromium } from '../support/browser';
import { mailsTo, startTestRuntime, uniqueEmail, type TestRuntime } from '../support/local-runtime';

/** The support form's route is being built; its test runs once the route is declared. */
const routeDeclared = declaredRoutes().some((r) => r.routeKey === 'POST /v1/public/support-requests');

/**
 * The example website (infra/local/web) in headless Chromium: served by the local runtime on its
 * own origin (http://localhost:<port>), calling the API (http://127.0.0.1:<port>) with CORS.
 */
describe('the example website’s forms in a browser', () => {
  let rt: TestRuntime;
  let browser: Browser;
  let page: Page;
  const apiRequests: Request[] = [];
  const email = uniqueEmail('web.order');
  let contractId: string;

  beforeAll(async () => {
    [rt, browser] = await Promise.all([startTestRuntime({ web: true }), launchChromium()]);
    page = await browser.newPage();
    page.on('request', (request) => {
      if (request.url().startsWith(rt.apiUrl)) apiRequests.push(request);
    });
    await page.goto(rt.webUrl!);
    await page.waitForSelector('html[data-ready="true"]');
  });
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  const orderForm = async (fields: { plan?: string; email?: string } = {}) => {
    await page.getByLabel('Name', { exact: false }).first().fill('Grace Hopper');
    await page.locator('#order-email').fill(fields.email ?? email);
    await page.getByLabel('Language of our e-mails').first().selectOption('sv');
    await page.locator('#order-timezone').fill('Europe/Stockholm');
    await page.getByLabel('Plan').fill(fields.plan ?? 'diamond');
    await page.getByLabel('Term').selectOption('12');
    await page.getByLabel('Starts on').fill('2026-03-01');
  };

  it('is served on another origin than the API, which learns the API address from config.js', async () => {
    expect(new URL(rt.webUrl!).origin).not.toBe(new URL(rt.apiUrl).origin);
    expect(await page.evaluate(() => (globalThis as unknown as { location: { origin: string } }).location.origin)).toBe(new URL(rt.webUrl!).origin);
    const config = await (await fetch(`${rt.webUrl}/config.js`)).text();
    expect(config).toContain(JSON.stringify(rt.apiUrl));
    // The client refuses an empty required field without asking the API.
    await page.locator('#renewal-form button[type="submit"]').click();
    expect(await page.locator('#renewal-contract').evaluate((el) => (el as unknown as { validity: { valueMissing: boolean } }).validity.valueMissing)).toBe(true);
    expect(apiRequests).toHaveLength(0);
  });

  it('shows the API’s field errors next to the fields', async () => {
    // Not an e-mail: the browser would refuse it, so the form's own validation is switched off.
    await orderForm({ email: 'not-an-email' });
    await page.locator('#order-form').evaluate((form) => void ((form as unknown as { noValidate: boolean }).noValidate = true));
    await page.getByRole('button', { name: 'Place the order' }).click();
    // (The first call of a handler may take a while: it is loaded on first use.)
    await page.locator('#order-email-error').waitFor({ state: 'visible', timeout: 15_000 });
    expect(await page.locator('#order-email-error').textContent()).toMatch(/\S/);
    expect(await page.locator('#order-email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#order-email-error').isVisible()).toBe(true);

    // A well-formed order the catalog refuses: an unknown plan.
    await orderForm({ plan: 'titanium' });
    await page.getByRole('button', { name: 'Place the order' }).click();
    await page.locator('#order-plan-error').waitFor({ state: 'visible', timeout: 15_000 });
    expect(await page.locator('#order-plan-error').textContent()).toMatch(/titanium|plan/i);
    if (process.env.WEB_SCREENSHOTS) await page.screenshot({ path: `${process.env.WEB_SCREENSHOTS}/field-errors.png`, fullPage: true });
    expect(await page.locator('#order-email-error').isVisible()).toBe(false);
    await page.locator('#order-form').evaluate((form) => void ((form as unknown as { noValidate: boolean }).noValidate = false));
  });

  it('places an order: the contract number and the total are shown, read across origins, and the order e-mail arrives', async () => {
    await orderForm();
    const answer = page.waitForResponse((r) => r.url() === `${rt.apiUrl}/v1/public/orders` && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Place the order' }).click();
    const response = await answer;
    expect(response.status()).toBe(202);
    // A real CORS request: the browser sent the page's origin, and the API allowed it.
    expect((await response.request().allHeaders()).origin).toBe(new URL(rt.webUrl!).origin);
    expect((await response.request().allHeaders())['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers()['access-control-allow-origin']).toBe(new URL(rt.webUrl!).origin);

    const number = page.locator('#order .contract-number');
    await number.waitFor({ timeout: 15_000 });
    contractId = (await number.textContent())!;
    expect(contractId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(await page.locator('#order .total').textContent()).toBe('$4,000.00');
    expect(await page.locator('#order .summary').isVisible()).toBe(false);
    if (process.env.WEB_SCREENSHOTS) await page.screenshot({ path: `${process.env.WEB_SCREENSHOTS}/ordered.png`, fullPage: true });

    await rt.settle();
    await expect.poll(async () => (await mailsTo(email)).map((m) => m.subject), { timeout: 10_000 }).toEqual([expect.stringContaining(contractId)]);
    const view = await rt.call('GET', `/v1/contracts/${contractId}`, { token: await rt.token('admin') });
    expect(view.body).toMatchObject({ status: 'ordered', channel: 'website', planId: 'diamond', customer: { locale: 'sv' } });
  });

  it('requests a renewal: the neutral message is shown and the renewal e-mail arrives', async () => {
    const activated = await rt.call('POST', `/v1/contracts/${contractId}/activation`, { token: await rt.token('admin') });
    expect(activated.status).toBe(200);
    await rt.settle();
    await expect.poll(async () => (await mailsTo(email)).length, { timeout: 10_000 }).toBe(2);

    await page.getByLabel('Contract number').first().fill(contractId);
    await page.locator('#renewal-email').fill(email);
    await page.getByRole('button', { name: 'Request the renewal' }).click();
    const message = page.locator('#renewal .result .message');
    await message.waitFor({ timeout: 15_000 });
    expect(await message.textContent()).toBe('If the details match an agreement, we will send the next steps by e-mail.');

    await rt.settle();
    await expect.poll(async () => (await mailsTo(email)).length, { timeout: 10_000 }).toBe(3);
  });

  it.skipIf(!routeDeclared)('sends a support request: the reference and the due times are shown', async () => {
    await page.locator('#support-contract').fill(contractId);
    await page.locator('#support-name').fill('Grace Hopper');
    await page.locator('#support-email').fill(email);
    await page.locator('#support-locale').selectOption('en');
    await page.locator('#support-category').fill('software');
    await page.locator('#support-severity').selectOption('high');
    await page.locator('#support-subject').fill('QTM does not start');
    await page.locator('#support-description').fill('Since this morning QTM stops at the splash screen.');
    await page.getByRole('button', { name: 'Send the request' }).click();
    // The details match an active agreement: a reference (201); or the neutral answer (202).
    const shown = page.locator('#support .result .reference, #support .result .message, #support .summary:not([hidden])');
    await shown.first().waitFor({ timeout: 15_000 });
    expect(await page.locator('#support .result .reference').textContent()).toMatch(/\S/);
    expect(await page.locator('#support .sla time').count()).toBeGreaterThan(0);
  });

  it('asks for the support-time balance: the same neutral message for a match and a mismatch, and only the match is recorded', async () => {
    for (const address of [email.toUpperCase(), uniqueEmail('web.stranger')]) {
      await page.locator('#credit-contract').fill(contractId);
      await page.locator('#credit-email').fill(address);
      const answer = page.waitForResponse((r) => r.url() === `${rt.apiUrl}/v1/public/credit-balance-requests` && r.request().method() === 'POST');
      await page.getByRole('button', { name: 'Send me the balance' }).click();
      expect((await answer).status()).toBe(202);
      const message = page.locator('#credit .result .message');
      await message.waitFor({ timeout: 15_000 });
      expect(await message.textContent()).toBe('If the details match an agreement, we will send its support-time balance by e-mail.');
      expect(await page.locator('#credit .summary').isVisible()).toBe(false);
    }
    const ddb = new DynamoDBClient({ endpoint: rt.dynamoEndpoint, region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const { Items = [] } = await ddb.send(
      new QueryCommand({ TableName: rt.tables.events, KeyConditionExpression: 'streamId = :s', ExpressionAttributeValues: { ':s': { S: `credit#${contractId}` } }, ConsistentRead: true }),
    );
    expect(Items.map((i) => i.type?.S).filter((t) => t === 'CreditBalanceRequested')).toHaveLength(1);
  });

  it('made every API call from the page with its origin, each with its own Idempotency-Key', async () => {
    const posts = apiRequests.filter((r) => r.method() === 'POST');
    expect(posts.length).toBeGreaterThanOrEqual(6);
    const headers = await Promise.all(posts.map((r) => r.allHeaders()));
    for (const h of headers) expect({ origin: h.origin, type: h['content-type'] }).toEqual({ origin: new URL(rt.webUrl!).origin, type: 'application/json' });
    expect(new Set(headers.map((h) => h['idempotency-key'])).size).toBe(posts.length);
  });
});
