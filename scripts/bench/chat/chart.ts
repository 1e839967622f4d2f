// bench:chat's PNG: p50 and p99 delivery latency at each rate, Haven beside bare Socket.IO,
// and the history pages' p50 and p95 beside the bare driver, on bench:data's log-scale bar
// chart (rasterised with resvg), with the 100 ms p99 goal dashed.
import { type Bar, dataChartSvg, renderPng } from '../data/chart.ts';
import { type ChatRun, pairs } from './report.ts';

export function chatChartPng(run: ChatRun, title: string): Buffer {
  const bars: Bar[] = [];
  for (const { rate, haven, bare } of pairs(run)) {
    const deliveries = `${(rate * (haven?.members ?? bare?.members ?? 0)).toLocaleString('en')}/s`;
    bars.push(
      {
        label: `delivery p50 @ ${deliveries}`,
        haven: haven?.summary.p50 ?? Number.NaN,
        bare: bare ? bare.summary.p50 : null,
      },
      {
        label: `delivery p99 @ ${deliveries}`,
        haven: haven?.summary.p99 ?? Number.NaN,
        bare: bare ? bare.summary.p99 : null,
      },
    );
  }
  for (const page of new Set(run.history.map((h) => h.page))) {
    const haven = run.history.find((h) => h.page === page && h.side === 'Haven');
    const bare = run.history.find((h) => h.page === page && h.side === 'bare driver');
    for (const p of ['p50', 'p95'] as const)
      bars.push({
        label: `history ${page.replace(' a line deep in the past', ' deep')} ${p}`,
        haven: haven?.[p] ?? Number.NaN,
        bare: bare ? bare[p] : null,
      });
  }
  const svg = dataChartSvg(bars, [{ label: 'p99 goal 100 ms', ms: 100 }], title, {
    legend: { haven: 'Haven', bare: 'bare Socket.IO / bare driver' },
    axis: 'ms (log scale)',
  });
  return renderPng(svg);
}
