// p95 per request and data size as horizontal bars on a log scale (today's full scans and an
// indexed lookup differ by orders of magnitude), Haven beside the bare driver, goals dashed.
// Hand-made SVG rasterised with resvg, as scripts/bench/sfu/chart.ts.
import { renderPng } from '../sfu/chart.ts';

export interface Bar {
  label: string;
  haven: number;
  bare: number | null;
}

const WIDTH = 1000;
const ROW_H = 26;
const M = { left: 330, right: 40, top: 70, bottom: 60 };
const COLORS = { haven: '#1f6feb', bare: '#8a8a8a' };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** bench:chat draws its own figures on the same chart, with its own legend and axis. */
export interface ChartText {
  legend?: { haven: string; bare: string };
  axis?: string;
}

export function dataChartSvg(
  bars: Bar[],
  goals: Array<{ label: string; ms: number }>,
  title: string,
  text: ChartText = {},
): string {
  const legend = text.legend ?? {
    haven: 'Haven (HTTP API)',
    bare: 'bare driver, same database calls',
  };
  const plotW = WIDTH - M.left - M.right;
  const height = M.top + M.bottom + bars.length * ROW_H;
  const values = bars.flatMap((b) => [b.haven, b.bare ?? 0]).filter((v) => v > 0);
  const lo = 0.1;
  const hi = 10 ** Math.ceil(Math.log10(Math.max(100, ...values)));
  const x = (v: number) =>
    M.left + (Math.log10(Math.max(lo, Math.min(v, hi)) / lo) / Math.log10(hi / lo)) * plotW;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="DejaVu Sans, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="26" font-size="16" text-anchor="middle">${esc(title)}</text>`,
    `<rect x="${M.left}" y="38" width="12" height="12" fill="${COLORS.haven}"/><text x="${M.left + 18}" y="48">${esc(legend.haven)}</text>`,
    `<rect x="${M.left + 160}" y="38" width="12" height="12" fill="${COLORS.bare}"/><text x="${M.left + 178}" y="48">${esc(legend.bare)}</text>`,
  ];
  for (let v = lo; v <= hi; v *= 10) {
    out.push(
      `<line x1="${x(v)}" x2="${x(v)}" y1="${M.top}" y2="${height - M.bottom}" stroke="#e5e5e5"/>`,
      `<text x="${x(v)}" y="${height - M.bottom + 16}" text-anchor="middle">${v >= 1 ? Math.round(v) : v}</text>`,
    );
  }
  bars.forEach((bar, i) => {
    const top = M.top + i * ROW_H;
    out.push(`<text x="${M.left - 8}" y="${top + 16}" text-anchor="end">${esc(bar.label)}</text>`);
    const draw = (v: number, y: number, h: number, color: string) =>
      out.push(
        `<rect x="${M.left}" y="${y}" width="${Math.max(1, x(v) - M.left).toFixed(1)}" height="${h}" fill="${color}"/>`,
        `<text x="${x(v) + 4}" y="${y + h - 1}" font-size="10">${v < 10 ? v.toFixed(1) : Math.round(v)}</text>`,
      );
    draw(bar.haven, top + 3, 11, COLORS.haven);
    if (bar.bare !== null) draw(bar.bare, top + 14, 9, COLORS.bare);
  });
  for (const goal of goals)
    out.push(
      `<line x1="${x(goal.ms)}" x2="${x(goal.ms)}" y1="${M.top - 6}" y2="${height - M.bottom}" stroke="#c00" stroke-dasharray="6 4"/>`,
      `<text x="${x(goal.ms) + 4}" y="${M.top - 8}" fill="#c00" font-size="11">${esc(goal.label)}</text>`,
    );
  out.push(
    `<text x="${M.left + plotW / 2}" y="${height - 16}" text-anchor="middle">${esc(text.axis ?? 'p95, ms (log scale)')}</text>`,
    '</svg>',
  );
  return out.join('\n');
}

export { renderPng };
