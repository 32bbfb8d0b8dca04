import { Raster, type Rgb } from './raster.js';

export interface TrendPoint {
  /** Week start, YYYY-MM-DD. */
  week: string;
  mood?: number;
  energy?: number;
  stress?: number;
  /** Percent of members who answered, 0-100; shown even for withheld weeks. */
  participation?: number;
}

const WIDTH = 760;
const HEIGHT = 420;
const PLOT = { left: 64, right: WIDTH - 76, top: 56, bottom: HEIGHT - 96 };
const INK: Rgb = [30, 41, 59];
const MUTED: Rgb = [100, 116, 139];
const GRID: Rgb = [226, 232, 240];
const BARS: Rgb = [203, 213, 225];
export const SERIES: ReadonlyArray<{ key: 'mood' | 'energy' | 'stress'; label: string; color: Rgb; dash: number }> = [
  { key: 'mood', label: 'Mood', color: [37, 99, 235], dash: 0 },
  { key: 'energy', label: 'Energy', color: [22, 163, 74], dash: 0 },
  { key: 'stress', label: 'Stress', color: [220, 38, 38], dash: 6 },
];

/**
 * The 8-week trend as a PNG: participation as grey bars (right axis, percent), mood, energy and stress
 * as lines on the 1-5 scale (left axis). A withheld week has no point, so its lines break.
 */
export function trendChart(title: string, points: readonly TrendPoint[]): Uint8Array {
  const r = new Raster(WIDTH, HEIGHT, [255, 255, 255]);
  r.text(PLOT.left, 18, title.slice(0, 52), INK, 2);

  const plotW = PLOT.right - PLOT.left;
  const plotH = PLOT.bottom - PLOT.top;
  const slot = plotW / Math.max(1, points.length);
  const xOf = (i: number) => PLOT.left + slot * (i + 0.5);
  const yScore = (v: number) => PLOT.bottom - ((v - 1) / 4) * plotH;
  const yPercent = (p: number) => PLOT.bottom - (p / 100) * plotH;

  for (let v = 1; v <= 5; v++) {
    r.line(PLOT.left, yScore(v), PLOT.right, yScore(v), GRID, 1);
    r.text(PLOT.left - 20, yScore(v) - 7, String(v), MUTED, 2);
  }
  for (const p of [0, 50, 100]) {
    const label = `${p}%`;
    r.text(PLOT.right + 10, yPercent(p) - 7, label, MUTED, 2);
  }

  points.forEach((pt, i) => {
    if (pt.participation !== undefined) {
      const top = yPercent(Math.max(0, Math.min(100, pt.participation)));
      r.rect(xOf(i) - slot * 0.3, top, slot * 0.6, PLOT.bottom - top, BARS);
    }
    const label = pt.week.slice(5);
    r.text(xOf(i) - Raster.textWidth(label) / 2, PLOT.bottom + 10, label, MUTED, 2);
  });

  r.line(PLOT.left, PLOT.top, PLOT.left, PLOT.bottom, INK, 2);
  r.line(PLOT.left, PLOT.bottom, PLOT.right, PLOT.bottom, INK, 2);
  r.line(PLOT.right, PLOT.top, PLOT.right, PLOT.bottom, MUTED, 1);

  for (const s of SERIES) {
    let prev: { x: number; y: number } | undefined;
    points.forEach((pt, i) => {
      const v = pt[s.key];
      if (v === undefined) {
        prev = undefined;
        return;
      }
      const here = { x: xOf(i), y: yScore(v) };
      if (prev) r.line(prev.x, prev.y, here.x, here.y, s.color, 3, s.dash);
      prev = here;
    });
    points.forEach((pt, i) => {
      const v = pt[s.key];
      if (v !== undefined) r.dot(xOf(i), yScore(v), 4, s.color);
    });
  }

  // Legend
  let lx = PLOT.left;
  const ly = HEIGHT - 44;
  for (const s of SERIES) {
    r.rect(lx, ly + 2, 18, 10, s.color);
    r.text(lx + 26, ly, s.label, INK, 2);
    lx += 26 + Raster.textWidth(s.label) + 28;
  }
  r.rect(lx, ly, 18, 14, BARS);
  r.text(lx + 26, ly, 'Participation %', INK, 2);
  r.text(PLOT.left, HEIGHT - 20, 'Weeks start on the date shown. No point: too few answers.', MUTED, 1);
  return r.encode();
}
