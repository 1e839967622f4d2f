// The join times as a strip chart (every join a dot, the median a bar, the goals dashed),
// drawn as SVG by hand and rasterised with resvg, like scripts/bench/sfu/chart.ts.
import { niceCeiling, renderPng } from '../sfu/chart.ts';
import { median } from './stats.ts';

export interface Strip {
  label: string;
  color: string;
  values: number[];
}

const WIDTH = 900;
const HEIGHT = 480;
const M = { left: 80, right: 30, top: 60, bottom: 70 };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function joinChartSvg(
  strips: Strip[],
  goals: Array<{ label: string; ms: number }>,
  title: string,
): string {
  const plotW = WIDTH - M.left - M.right;
  const plotH = HEIGHT - M.top - M.bottom;
  const all = strips.flatMap((s) => s.values);
  const yMax = niceCeiling(Math.max(...goals.map((g) => g.ms * 1.1), ...all));
  const y = (v: number) => M.top + plotH - (Math.min(v, yMax) / yMax) * plotH;
  const slot = plotW / strips.length;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="DejaVu Sans, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="26" font-size="16" text-anchor="middle">${esc(title)}</text>`,
  ];
  for (let k = 0; k <= 5; k++) {
    const v = (yMax * k) / 5;
    out.push(
      `<line x1="${M.left}" x2="${M.left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#e5e5e5"/>`,
      `<text x="${M.left - 6}" y="${y(v) + 4}" text-anchor="end">${Math.round(v)}</text>`,
    );
  }
  out.push(
    `<text transform="translate(20 ${M.top + plotH / 2}) rotate(-90)" text-anchor="middle">ms, click on Join to first remote video frame</text>`,
  );
  for (const goal of goals)
    out.push(
      `<line x1="${M.left}" x2="${M.left + plotW}" y1="${y(goal.ms)}" y2="${y(goal.ms)}" stroke="#c00" stroke-dasharray="6 4"/>`,
      `<text x="${M.left + plotW - 4}" y="${y(goal.ms) - 4}" text-anchor="end" fill="#c00">${esc(goal.label)}</text>`,
    );
  strips.forEach((strip, i) => {
    const cx = M.left + slot * (i + 0.5);
    strip.values.forEach((v, k) => {
      const jitter = ((k % 5) - 2) * 7;
      out.push(
        `<circle cx="${(cx + jitter).toFixed(1)}" cy="${y(v).toFixed(1)}" r="4" fill="${strip.color}" fill-opacity="0.7"/>`,
      );
    });
    if (strip.values.length) {
      const m = median(strip.values);
      out.push(
        `<line x1="${cx - 30}" x2="${cx + 30}" y1="${y(m)}" y2="${y(m)}" stroke="#222" stroke-width="2"/>`,
        `<text x="${cx + 34}" y="${y(m) + 4}">${Math.round(m)}</text>`,
      );
    }
    out.push(
      `<text x="${cx}" y="${M.top + plotH + 20}" text-anchor="middle">${esc(strip.label)}</text>`,
      `<text x="${cx}" y="${M.top + plotH + 36}" text-anchor="middle" fill="#666">n=${strip.values.length}</text>`,
    );
  });
  out.push(
    `<rect x="${M.left}" y="${M.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#888"/>`,
    `<text x="${M.left + plotW / 2}" y="${HEIGHT - 12}" text-anchor="middle" fill="#444">dots: joins; black bar: median</text>`,
    '</svg>',
  );
  return out.join('\n');
}

export { renderPng };
