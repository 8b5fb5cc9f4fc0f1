import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { uniqueEmail } from '../support/local-runtime';
import { presetRuntime } from '../support/preset-journey';

/**
 * The SLA compliance report through the HTTP API on the local runtime with the HEZO preset: three
 * tickets opened from the website form (one breached by the SLA sweep at its due time, one
 * answered at once with a public reply, one left open), then the report as JSON and CSV, its
 * query refusals, and who may read it.
 */
describe('SLA compliance report (HEZO preset)', () => {
  const run = presetRuntime('hezo');
  const staff = (method: string, path: string, body?: unknown, token = run.admin) => run.rt.call(method, path, { token, ...(body === undefined ? {} : { body }) });

  /** The first day of last month (UTC), so the agreement is running whenever the test runs. */
  const lastMonthStart = () => {
    const now = new Date();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
  };

  async function contract() {
    const created = await staff('POST', '/v1/contracts', {
      customer: { name: 'Zakład Raportowy', email: uniqueEmail('hezo'), locale: 'pl', taxId: 'PL5260250995' },
      planId: 'sos-8x5-nbd', termMonths: 12, startsOn: lastMonthStart(), regionId: 'pl', serialNumbers: ['QS-1001'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await run.rt.settle();
    return created.body.contractId as string;
  }

  async function open(contractNumber: string): Promise<string> {
    const opened = await run.rt.call('POST', '/v1/public/support-requests', {
      headers: { 'idempotency-key': `sla-report-${randomUUID()}` },
      body: {
        contractNumber, serialNumber: 'QS-1001', taxId: 'PL 526-025-09-95',
        contact: { name: 'Jan Kowalski', email: uniqueEmail('jan'), locale: 'pl' },
        category: 'general', severity: 'critical', subject: 'Biblioteka taśmowa nie odpowiada', description: 'Ramię robota zatrzymało się.',
      },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    await run.rt.settle();
    return opened.body.ticketId as string;
  }

  const view = async (ticketId: string) => (await staff('GET', `/v1/tickets/${ticketId}`)).body;

  it('counts met, breached and open reaction clocks per plan and month, as JSON and as CSV', async () => {
    const contractId = await contract();

    // Given a ticket breached by the sweep at its due time…
    const breachedId = await open(contractId);
    const [reaction] = (await view(breachedId)).clocks;
    expect(reaction).toMatchObject({ metric: 'reaction', status: 'running' });
    // …one answered with a public reply before its due time…
    const answeredId = await open(contractId);
    expect((await staff('POST', `/v1/tickets/${answeredId}/actions`, { action: 'reply', body: 'Serwisant jest w drodze.' })).body.recorded).toEqual(['AgentReplied']);
    await run.rt.fireSchedule('check-slas', new Date(reaction.dueAt));
    await run.rt.settle();
    expect((await view(breachedId)).clocks[0]).toMatchObject({ metric: 'reaction', breached: true });
    expect((await view(answeredId)).clocks[0]).toMatchObject({ metric: 'reaction', status: 'stopped', met: true });
    // …and one opened after the sweep, still running.
    const openId = await open(contractId);
    const { openedAt } = await view(openId);
    const month = (openedAt as string).slice(0, 7);

    // When staff read the report for that month
    const report = await staff('GET', `/v1/reports/sla-compliance?from=${month}&to=${month}`);

    // Then the reaction row: one met, one breached, one open, 50 %; the time to first response of the one answered.
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body).toMatchObject({ from: month, to: month });
    const rows = report.body.rows as { planId: string; month: string; metric: string; [k: string]: unknown }[];
    expect(rows.map((r) => `${r.month} ${r.planId} ${r.metric}`)).toEqual([`${month} sos-8x5-nbd reaction`, `${month} sos-8x5-nbd on-site`]);
    const answeredMinutes = (await view(answeredId)).clocks[0].elapsedMinutes as number;
    expect(rows[0]).toEqual({
      planId: 'sos-8x5-nbd', month, metric: 'reaction', met: 1, breached: 1, open: 1, total: 3, metPercent: 50,
      medianMinutes: Math.round(answeredMinutes * 100) / 100, p90Minutes: Math.round(answeredMinutes * 100) / 100,
    });
    expect(rows[1]).toMatchObject({ metric: 'on-site', breached: 0, total: 3 });

    // A plan filter: only that plan's tickets.
    expect((await staff('GET', `/v1/reports/sla-compliance?from=${month}&to=${month}&planId=sos-8x5-nbd`)).body.rows).toEqual(rows);
    expect((await staff('GET', `/v1/reports/sla-compliance?from=${month}&to=${month}&planId=no-such-plan`)).body.rows).toEqual([]);

    // The same as CSV, for a spreadsheet.
    const csv = await staff('GET', `/v1/reports/sla-compliance?from=${month}&to=${month}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="sla-compliance-${month}-${month}.csv"`);
    const lines = (csv.body as string).split('\r\n');
    expect(lines[0]).toBe('month,planId,metric,met,breached,open,total,metPercent,medianMinutes,p90Minutes');
    expect(lines[1]).toBe(`${month},sos-8x5-nbd,reaction,1,1,1,3,50,${rows[0].medianMinutes},${rows[0].p90Minutes}`);
    expect(lines[2]).toMatch(new RegExp(`^${month},sos-8x5-nbd,on-site,`));
    expect(lines.slice(3)).toEqual(['']);

    // Months without tickets: no rows.
    expect((await staff('GET', '/v1/reports/sla-compliance?from=2020-01&to=2020-12')).body).toEqual({ from: '2020-01', to: '2020-12', rows: [] });
  });

  it('refuses a bad month, a reversed or too long span, an unknown format, with field paths', async () => {
    const refused = async (query: string) => {
      const answer = await staff('GET', `/v1/reports/sla-compliance?${query}`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      return answer.body.error.fields.map((f: { path: string }) => f.path);
    };
    expect(await refused('from=2026-13&to=2026-12')).toEqual(['from']);
    expect(await refused('from=2026-1&to=2026-02')).toEqual(['from']);
    expect(await refused('to=2026-02')).toEqual(['from']);
    expect(await refused('from=2026-03&to=2026-02')).toEqual(['to']);
    expect(await refused('from=2024-01&to=2026-01')).toEqual(['to']); // 25 months
    expect(await refused('from=2026-01&to=2026-02&format=xlsx')).toEqual(['format']);
    expect(await refused('from=2026-01&to=2026-02&extra=1')).toEqual(['extra']);
    expect((await staff('GET', '/v1/reports/sla-compliance?from=2024-02&to=2026-01')).status).toBe(200); // 24 months
  });

  it('is for admin, agent-l1 and billing; a distributor agent is refused (the report spans every customer)', async () => {
    const path = '/v1/reports/sla-compliance?from=2026-01&to=2026-02';
    for (const role of ['agent-l1', 'billing'] as const) expect((await staff('GET', path, undefined, await run.rt.token(role))).status).toBe(200);
    const distributor = await staff('GET', path, undefined, await run.rt.token('agent-l0', 'north'));
    expect([distributor.status, distributor.body.error.code]).toEqual([403, 'forbidden']);
    expect((await staff('GET', path, undefined, await run.rt.token('dpo'))).status).toBe(403);
  });
});
