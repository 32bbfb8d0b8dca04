const BARS = '▁▂▃▄▅▆▇█';

/** A text sparkline over a fixed scale; a missing point (a withheld week) is a middle dot. */
export function sparkline(values: ReadonlyArray<number | undefined>, min: number, max: number): string {
  return values
    .map((v) => {
      if (v === undefined) return '·';
      const t = (Math.min(max, Math.max(min, v)) - min) / (max - min);
      return BARS[Math.round(t * (BARS.length - 1))]!;
    })
    .join('');
}
