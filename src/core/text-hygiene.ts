/**
 * What people type is kept exactly, in every script, with emoji and right-to-left text, except for
 * control characters: NUL, BEL, ESC and the rest of C0/C1 (bar newline and tab) would be stored and
 * later printed raw, and an ESC sequence in a shared note could clear a lead's terminal.
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Bidi overrides and isolates: fine inside a person's own text, but they reorder whatever follows an echo. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Input as stored: line ends made \n, control characters removed, nothing else touched. */
export function cleanInput(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROLS, '');
}

/** Cleans every string in an options or values object, leaving other values alone. */
export function cleanRecord<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, typeof v === 'string' ? cleanInput(v) : v])) as T;
}

/**
 * A short, safe excerpt of what someone typed, to quote back in a message: controls and bidi
 * overrides removed, one line, at most `max` characters as people see them (an emoji is never cut).
 */
export function echo(text: string, max = 40): string {
  const flat = cleanInput(text).replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ').trim();
  const chars = Array.from(graphemes.segment(flat), (g) => g.segment);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat;
}
