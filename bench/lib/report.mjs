import { spread } from './stats.mjs';

/**
 * The figures table: one row per figure with min / median / max over repetitions, the target
 * and whether the median meets it. `results` is what run.mjs collected per section.
 */
export function figureRows(results) {
  const rows = [];
  const add = (section, figure, unit, values, target) => {
    const s = spread(values);
    rows.push({
      section,
      figure,
      unit,
      ...s,
      target: target?.text ?? '',
      met: target && s.n ? target.test(s.median, s.max) : null,
    });
  };
  const atMost = (limit, unit = '') => ({ text: `<= ${limit}${unit}`, test: (median) => median <= limit });
  const zero = { text: '0 (every rep)', test: (_median, max) => max === 0 };
  if (results.burst) {
    const g = results.burst.map((r) => r.gaung);
    const b = results.burst.map((r) => r.baseline);
    add(
      'B1 burst',
      'Gaung drain time',
      's',
      g.map((r) => r.drainMs / 1000),
    );
    add(
      'B1 burst',
      'Baseline drain time (bare BullMQ)',
      's',
      b.map((r) => r.drainMs / 1000),
    );
    add(
      'B1 burst',
      'Drain ratio Gaung / baseline',
      'x',
      results.burst.map((r) => r.ratio),
      atMost(1.5),
    );
    add(
      'B1 burst',
      'Lateness p50',
      's',
      g.map((r) => r.latenessP50Ms / 1000),
    );
    add(
      'B1 burst',
      'Lateness p99',
      's',
      g.map((r) => r.latenessP99Ms / 1000),
      atMost(5),
    );
    add(
      'B1 burst',
      'Lateness max',
      's',
      g.map((r) => r.latenessMaxMs / 1000),
    );
    add(
      'B1 burst',
      'Baseline lateness p99',
      's',
      b.map((r) => r.latenessP99Ms / 1000),
    );
    add(
      'B1 burst',
      'Duplicates (published twice)',
      '',
      g.map((r) => r.duplicates),
      zero,
    );
    add(
      'B1 burst',
      'Repeated requests, same Idempotency-Key',
      '',
      g.map((r) => r.repeatedRequests ?? Number.NaN),
    );
    add(
      'B1 burst',
      'Lost',
      '',
      g.map((r) => r.lost),
      zero,
    );
    add(
      'B1 burst',
      'Worker peak RSS (VmHWM)',
      'MB',
      g.map((r) => r.peakRssMb),
      atMost(250),
    );
    add(
      'B1 burst',
      'Baseline worker peak RSS',
      'MB',
      b.map((r) => r.peakRssMb),
    );
    add(
      'B1 burst',
      'Baseline duplicates + lost',
      '',
      b.map((r) => r.duplicates + r.lost),
      zero,
    );
  }
  if (results.analytics) {
    const a = results.analytics.reps;
    const size = `${results.analytics.size.deliveries} deliveries`;
    add(
      'B4 analytics',
      `Campaign report p50 (${size})`,
      'ms',
      a.map((r) => r.p50Ms),
    );
    add(
      'B4 analytics',
      `Campaign report p99 at 8 connections (${size})`,
      'ms',
      a.map((r) => r.p99Ms),
    );
    add(
      'B4 analytics',
      'Campaign report requests/s',
      'req/s',
      a.map((r) => r.requestsPerS),
    );
    add(
      'B4 analytics',
      'Raw SQL totals p99 at 8 connections',
      'ms',
      a.map((r) => r.rawP99Ms),
    );
    add(
      'B4 analytics',
      'p99 ratio API / raw SQL',
      'x',
      a.map((r) => r.ratioP99),
    );
  }
  if (results.calendar) {
    const c = results.calendar;
    add(
      'B2 calendar',
      'Month view requests/s',
      'req/s',
      c.map((r) => r.requestsPerS),
    );
    add(
      'B2 calendar',
      'Month view latency p50',
      'ms',
      c.map((r) => r.p50Ms),
    );
    add(
      'B2 calendar',
      'Month view latency p99',
      'ms',
      c.map((r) => r.p99Ms),
      atMost(100, ' ms'),
    );
    add(
      'B2 calendar',
      'Raw SQL queries/s',
      'q/s',
      c.map((r) => r.rawRequestsPerS),
    );
    add(
      'B2 calendar',
      'Raw SQL latency p50',
      'ms',
      c.map((r) => r.rawP50Ms),
    );
    add(
      'B2 calendar',
      'Raw SQL latency p99',
      'ms',
      c.map((r) => r.rawP99Ms),
    );
    add(
      'B2 calendar',
      'p99 ratio API / raw SQL',
      'x',
      c.map((r) => r.ratioP99),
      atMost(3),
    );
    add(
      'B2 calendar',
      'Non-2xx + errors',
      '',
      c.map((r) => r.non2xx + r.errors),
      zero,
    );
  }
  if (results.scheduling) {
    const s = results.scheduling;
    add(
      'B3 scheduling',
      'Create post (3 targets) requests/s',
      'req/s',
      s.map((r) => r.requestsPerS),
      { text: '>= 300', test: (median) => median >= 300 },
    );
    add(
      'B3 scheduling',
      'Latency p50',
      'ms',
      s.map((r) => r.p50Ms),
    );
    add(
      'B3 scheduling',
      'Latency p99',
      'ms',
      s.map((r) => r.p99Ms),
    );
    add(
      'B3 scheduling',
      'Non-2xx + errors',
      '',
      s.map((r) => r.non2xx + r.errors),
      zero,
    );
  }
  if (results.idle) {
    const i = results.idle;
    add(
      'Idle punctuality',
      'Lateness p50',
      'ms',
      i.map((r) => r.latenessP50Ms),
    );
    add(
      'Idle punctuality',
      'Lateness p99',
      'ms',
      i.map((r) => r.latenessP99Ms),
      atMost(500, ' ms'),
    );
    add(
      'Idle punctuality',
      'Lateness max',
      'ms',
      i.map((r) => r.latenessMaxMs),
    );
    add(
      'Idle punctuality',
      'Duplicates + lost',
      '',
      i.map((r) => r.duplicates + r.lost),
      zero,
    );
    add(
      'Idle punctuality',
      'Worker peak RSS (idle worker)',
      'MB',
      i.map((r) => r.peakRssMb),
    );
  }
  return rows;
}

const fmt = (value) =>
  Number.isFinite(value) ? (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2)) : 'n/a';
const verdict = (met) => (met === null ? '' : met ? 'met' : 'MISSED');

/** The table as plain text for the terminal. */
export function textTable(rows) {
  const header = ['Section', 'Figure', 'Unit', 'Min', 'Median', 'Max', 'Target', ''];
  const body = rows.map((r) => [
    r.section,
    r.figure,
    r.unit,
    fmt(r.min),
    fmt(r.median),
    fmt(r.max),
    r.target,
    verdict(r.met),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** The same table in Markdown. */
export function markdownTable(rows) {
  const lines = ['| Section | Figure | Unit | Min | Median | Max | Target | |', '|---|---|---|---:|---:|---:|---|---|'];
  for (const r of rows)
    lines.push(
      `| ${r.section} | ${r.figure} | ${r.unit} | ${fmt(r.min)} | ${fmt(r.median)} | ${fmt(r.max)} | ${r.target} | ${verdict(r.met)} |`,
    );
  return lines.join('\n');
}

/** Correctness figures summed over every section and repetition (what the smoke test asserts). */
export function correctness(results) {
  const sum = (list, pick) => (list ?? []).reduce((total, r) => total + pick(r), 0);
  return {
    duplicates: sum(results.burst, (r) => r.gaung.duplicates) + sum(results.idle, (r) => r.duplicates),
    lost: sum(results.burst, (r) => r.gaung.lost) + sum(results.idle, (r) => r.lost),
    baselineDuplicatesAndLost: sum(results.burst, (r) => r.baseline.duplicates + r.baseline.lost),
    httpFailures:
      sum(results.calendar, (r) => r.non2xx + r.errors) + sum(results.scheduling, (r) => r.non2xx + r.errors),
  };
}
