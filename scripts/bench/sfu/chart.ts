// A hand-drawn SVG chart of both runs (worker CPU, loss, packets per CPU-second against
// consumers), rasterised to PNG with resvg.
import { Resvg } from '@resvg/resvg-js';
import type { StepResult } from './limits.ts';

export interface Series {
  label: string;
  color: string;
  steps: StepResult[];
}

interface Panel {
  title: string;
  value: (s: StepResult) => number;
  /** Leaves out points where the value means nothing (per CPU-second with no consumers). */
  skip?: (s: StepResult) => boolean;
  limit?: number;
  format: (v: number) => string;
}

const WIDTH = 900;
const PANEL_H = 200;
const MARGIN = { left: 80, right: 30, top: 80, gap: 60, bottom: 50 };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Round axis maximum: 1, 2 or 5 times a power of ten, at least `v`. */
export function niceCeiling(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

export function chartSvg(series: Series[], title: string): string {
  const panels: Panel[] = [
    {
      title: 'worker CPU, % of one core',
      value: (s) => s.cpuPercent,
      limit: 80,
      format: (v) => `${v}`,
    },
    { title: 'loss, %', value: (s) => Math.max(0, s.lossPercent), limit: 1, format: (v) => `${v}` },
    {
      title: 'packets forwarded per worker CPU-second',
      value: (s) => s.packetsPerCpuSecond,
      skip: (s) => s.consumers === 0,
      format: (v) => (v >= 1000 ? `${v / 1000}k` : `${v}`),
    },
  ];
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const height = MARGIN.top + panels.length * (PANEL_H + MARGIN.gap) - MARGIN.gap + MARGIN.bottom;
  const all = series.flatMap((s) => s.steps);
  const xMax = niceCeiling(Math.max(100, ...all.map((s) => s.consumers)));
  const x = (c: number) => MARGIN.left + (c / xMax) * plotW;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="DejaVu Sans, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="24" font-size="16" text-anchor="middle">${esc(title)}</text>`,
  ];
  series.forEach((s, i) => {
    const lx = MARGIN.left + i * 260;
    out.push(
      `<rect x="${lx}" y="44" width="14" height="4" fill="${s.color}"/>`,
      `<text x="${lx + 20}" y="50">${esc(s.label)}</text>`,
    );
  });
  panels.forEach((panel, p) => {
    const top = MARGIN.top + 10 + p * (PANEL_H + MARGIN.gap);
    const values = all.map(panel.value);
    const yMax = niceCeiling(Math.max(panel.limit ? panel.limit * 1.25 : 0, ...values));
    const y = (v: number) => top + PANEL_H - (Math.min(v, yMax) / yMax) * PANEL_H;
    out.push(
      `<text x="${MARGIN.left}" y="${top - 8}" font-weight="bold">${esc(panel.title)}</text>`,
    );
    for (let k = 0; k <= 4; k++) {
      const v = (yMax * k) / 4;
      out.push(
        `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#e5e5e5"/>`,
        `<text x="${MARGIN.left - 6}" y="${y(v) + 4}" text-anchor="end">${panel.format(Number(v.toPrecision(3)))}</text>`,
      );
    }
    for (let k = 0; k <= 5; k++) {
      const c = (xMax * k) / 5;
      out.push(
        `<line x1="${x(c)}" x2="${x(c)}" y1="${top}" y2="${top + PANEL_H}" stroke="#f0f0f0"/>`,
        `<text x="${x(c)}" y="${top + PANEL_H + 16}" text-anchor="middle">${c}</text>`,
      );
    }
    out.push(
      `<rect x="${MARGIN.left}" y="${top}" width="${plotW}" height="${PANEL_H}" fill="none" stroke="#888"/>`,
    );
    if (panel.limit !== undefined) {
      out.push(
        `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${y(panel.limit)}" y2="${y(panel.limit)}" stroke="#c00" stroke-dasharray="6 4"/>`,
        `<text x="${MARGIN.left + plotW - 4}" y="${y(panel.limit) - 4}" text-anchor="end" fill="#c00">limit ${panel.limit}</text>`,
      );
    }
    for (const s of series) {
      const pts = s.steps
        .filter((st) => !panel.skip?.(st))
        .map((st) => `${x(st.consumers).toFixed(1)},${y(panel.value(st)).toFixed(1)}`);
      out.push(
        `<polyline points="${pts.join(' ')}" fill="none" stroke="${s.color}" stroke-width="2"/>`,
        ...pts.map((pt) => {
          const [cx, cy] = pt.split(',');
          return `<circle cx="${cx}" cy="${cy}" r="3" fill="${s.color}"/>`;
        }),
      );
    }
  });
  out.push(
    `<text x="${MARGIN.left + plotW / 2}" y="${height - 12}" text-anchor="middle">consumers on the worker</text>`,
    '</svg>',
  );
  return out.join('\n');
}

export function renderPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
