import { PNG } from 'pngjs';
import { GLYPH_HEIGHT, GLYPH_WIDTH, GLYPHS } from './bitmap-font.js';

export type Rgb = readonly [number, number, number];

/** A tiny RGB canvas over pngjs: rectangles, thick lines, dots and bitmap text, encoded to PNG in process. */
export class Raster {
  private readonly png: PNG;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.png = new PNG({ width, height });
    this.rect(0, 0, width, height, background);
  }

  pixel(x: number, y: number, [r, g, b]: Rgb): void {
    const px = Math.round(x);
    const py = Math.round(y);
    if (px < 0 || py < 0 || px >= this.width || py >= this.height) return;
    const i = (py * this.width + px) * 4;
    this.png.data[i] = r;
    this.png.data[i + 1] = g;
    this.png.data[i + 2] = b;
    this.png.data[i + 3] = 255;
  }

  rect(x: number, y: number, w: number, h: number, [r, g, b]: Rgb): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    const data = this.png.data;
    for (let yy = y0; yy < y1; yy++) {
      for (let i = (yy * this.width + x0) * 4, end = (yy * this.width + x1) * 4; i < end; i += 4) {
        data[i] = r;
        data[i + 1] = g;
        data[i + 2] = b;
        data[i + 3] = 255;
      }
    }
  }

  dot(cx: number, cy: number, radius: number, color: Rgb): void {
    for (let dy = -radius; dy <= radius; dy++) for (let dx = -radius; dx <= radius; dx++) if (dx * dx + dy * dy <= radius * radius + radius) this.pixel(cx + dx, cy + dy, color);
  }

  /** A line `thickness` pixels wide; `dash` draws every other run of that many pixels. */
  line(x0: number, y0: number, x1: number, y1: number, color: Rgb, thickness = 1, dash = 0): void {
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
    const r = Math.floor(thickness / 2);
    for (let i = 0; i <= steps; i++) {
      if (dash && Math.floor(i / dash) % 2 === 1) continue;
      const x = x0 + ((x1 - x0) * i) / steps;
      const y = y0 + ((y1 - y0) * i) / steps;
      if (r === 0) this.pixel(x, y, color);
      else this.rect(x - r, y - r, thickness, thickness, color);
    }
  }

  /** Text in the built-in font, upper-cased; characters it lacks become spaces. */
  text(x: number, y: number, value: string, color: Rgb, scale = 2): void {
    let cx = x;
    for (const ch of value.toUpperCase()) {
      const glyph = GLYPHS[ch];
      if (glyph) {
        glyph.forEach((row, gy) => {
          for (let gx = 0; gx < GLYPH_WIDTH; gx++) if (row & (1 << (GLYPH_WIDTH - 1 - gx))) this.rect(cx + gx * scale, y + gy * scale, scale, scale, color);
        });
      }
      cx += (GLYPH_WIDTH + 1) * scale;
    }
  }

  static textWidth(value: string, scale = 2): number {
    return value.length * (GLYPH_WIDTH + 1) * scale - scale;
  }

  static textHeight(scale = 2): number {
    return GLYPH_HEIGHT * scale;
  }

  encode(): Uint8Array {
    // Flat colour packs well unfiltered; trying all five filters per row (the default) triples the time. RGB, no alpha.
    return new Uint8Array(PNG.sync.write(this.png, { filterType: 0, colorType: 2, inputHasAlpha: true }));
  }
}
