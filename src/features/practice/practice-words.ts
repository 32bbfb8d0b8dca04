import { PRACTICE_CHANNELS, PRACTICE_DIFFICULTIES, type PracticeChannel, type PracticeDifficulty } from '../../content/practice-library.js';
import type { Copy } from '../../content/copy.js';
import { UsageError } from '../../core/errors.js';
import type { CardFilters } from './pick-card.js';

export const PRACTICE_USAGE = '/attune practice [with @name] [channel] [difficulty]';
export const PRACTICE_EXAMPLE = 'practice chat hard';

/** What `practice ...` asked for: its filters (the partner after `with` is its own argument). */
export type PracticeRequest = CardFilters;

/** Reads the words after `practice` (and its partner) in any order; anything else gets a message naming the choices. */
export function parsePracticeWords(copy: Copy, raw: string | undefined): PracticeRequest {
  const words = (raw ?? '').trim().replace(/\bin person\b/gi, 'in-person');
  const out: PracticeRequest = {};
  const fail = (detail: string) => new UsageError(detail, PRACTICE_USAGE, PRACTICE_EXAMPLE);
  // "with" and nobody after it: the partner argument took any name that followed.
  if (/^with$/i.test(words)) throw fail(copy('practice.withWho'));
  for (const word of words.split(/\s+/).filter(Boolean)) {
    const w = word.toLowerCase().replace(/^inperson$/, 'in-person');
    if ((PRACTICE_CHANNELS as readonly string[]).includes(w)) {
      if (out.channel) throw fail(copy('practice.twoChannels', { first: out.channel, second: w }));
      out.channel = w as PracticeChannel;
    } else if ((PRACTICE_DIFFICULTIES as readonly string[]).includes(w)) {
      if (out.difficulty) throw fail(copy('practice.twoDifficulties', { first: out.difficulty, second: w }));
      out.difficulty = w as PracticeDifficulty;
    } else {
      throw fail(copy('practice.unknownWord', { word, channels: PRACTICE_CHANNELS.join(', '), difficulties: PRACTICE_DIFFICULTIES.join(', ') }));
    }
  }
  return out;
}
