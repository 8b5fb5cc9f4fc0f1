import { SlaMetric } from '../../events/ticket';
import type { TicketView } from './view';

/**
 * The SLA compliance report: per plan, per month and per target (metric), how many SLA clocks met
 * their target and how many breached it, with the time they took in business minutes. Pure: it
 * aggregates ticket views; reading them is the HTTP handler's job.
 *
 * Definitions (each clock of each ticket counts once, in the row of the ticket's plan, the UTC
 * month the ticket was opened in, and the clock's metric):
 * - **breached**: the clock breached its target (`clock.breached`), whether it is still running,
 *   paused or stopped since;
 * - **met**: the clock stopped without a breach (`status === 'stopped' && !breached`);
 * - **open**: the clock is running or paused and has not breached (yet);
 * - a **pending** clock (never started, e.g. one that starts at the provider's acceptance) is not
 *   counted at all;
 * - **total** = met + breached + open;
 * - **metPercent** = 100 × met / (met + breached), the share of the decided clocks that met the
 *   target, rounded to one decimal; `null` when none is decided yet;
 * - **medianMinutes** and **p90Minutes** are taken over the elapsed business minutes of the
 *   row's *stopped* clocks (met, or stopped after a breach; a running or paused clock has no final
 *   time yet), sorted ascending, n of them:
 *   - median: the middle value for odd n, the mean of the two middle values for even n;
 *   - p90: nearest rank, the value at 1-based rank ⌈0.9 × n⌉;
 *   both rounded to two decimals, `null` when no clock of the row has stopped. For the
 *   `reaction` and `first-response` rows this is the time to first response in business minutes
 *   (the business calendar of the ticket's SLA, pauses while waiting on the customer excluded).
 *
 * Limitation: `next-response` restarts at each customer message (a new cycle), and the view keeps
 * only the latest cycle of a clock, so a ticket contributes only its latest next-response cycle;
 * earlier cycles (and their breaches) are not counted.
 */
export interface ComplianceRow {
  planId: string;
  /** `YYYY-MM`, the UTC month the tickets were opened in. */
  month: string;
  metric: SlaMetric;
  met: number;
  breached: number;
  open: number;
  total: number;
  metPercent: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

/** What the report reads of a ticket view. */
export type ComplianceInput = Pick<TicketView, 'planId' | 'openedAt' | 'clocks'>;

interface Tally {
  planId: string;
  month: string;
  metric: SlaMetric;
  met: number;
  breached: number;
  open: number;
  minutes: number[];
}

const round = (value: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

/** The middle value (odd count) or the mean of the two middle values (even count) of ascending `sorted`. */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile of ascending `sorted`: the value at 1-based rank ⌈p/100 × n⌉. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * n - 1e-9));
  return sorted[Math.min(n, rank) - 1];
}

/** The UTC month (`YYYY-MM`) of an ISO instant. */
export const utcMonth = (instant: string): string => new Date(instant).toISOString().slice(0, 7);

/** Aggregates ticket views into report rows, sorted by month, plan, then metric in the catalog's order (`SlaMetric`). */
export function slaCompliance(views: Iterable<ComplianceInput>): ComplianceRow[] {
  const tallies = new Map<string, Tally>();
  for (const view of views) {
    const month = utcMonth(view.openedAt);
    for (const clock of view.clocks) {
      if (clock.status === 'pending') continue;
      const key = `${month}\u0000${view.planId}\u0000${clock.metric}`;
      let tally = tallies.get(key);
      if (!tally) tallies.set(key, (tally = { planId: view.planId, month, metric: clock.metric, met: 0, breached: 0, open: 0, minutes: [] }));
      if (clock.breached) tally.breached++;
      else if (clock.status === 'stopped') tally.met++;
      else tally.open++;
      if (clock.status === 'stopped') tally.minutes.push(clock.elapsedMinutes);
    }
  }
  const metricOrder = (m: SlaMetric) => SlaMetric.options.indexOf(m);
  return [...tallies.values()]
    .sort((a, b) => compare(a.month, b.month) || compare(a.planId, b.planId) || metricOrder(a.metric) - metricOrder(b.metric))
    .map(({ minutes, ...t }) => {
      const sorted = [...minutes].sort((a, b) => a - b);
      const decided = t.met + t.breached;
      const mid = median(sorted);
      const p90 = nearestRank(sorted, 90);
      return {
        planId: t.planId,
        month: t.month,
        metric: t.metric,
        met: t.met,
        breached: t.breached,
        open: t.open,
        total: decided + t.open,
        metPercent: decided === 0 ? null : round((100 * t.met) / decided, 1),
        medianMinutes: mid === null ? null : round(mid, 2),
        p90Minutes: p90 === null ? null : round(p90, 2),
      };
    });
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The CSV columns, in order (the header line). */
export const CSV_COLUMNS = ['month', 'planId', 'metric', 'met', 'breached', 'open', 'total', 'metPercent', 'medianMinutes', 'p90Minutes'] as const;

/** One CSV field per RFC 4180: quoted (with inner quotes doubled) when it holds a comma, a quote, CR or LF; `null` is empty. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV (RFC 4180): a header line, one record per row, each line ended by CRLF. */
export function toCsv(rows: readonly ComplianceRow[]): string {
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((c) => csvField(row[c])).join(','))];
  return lines.map((line) => `${line}\r\n`).join('');
}
