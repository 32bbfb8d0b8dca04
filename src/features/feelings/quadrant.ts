import type { Feeling, FeelingsLibrary, Quadrant } from '../../content/feelings.js';
import type { CheckIn } from '../../core/model/history.js';

/** Mood 3 ("okay") and up counts as pleasant; energy 3 ("steady") and up as high energy. */
export const PLEASANT_FROM = 3;
export const HIGH_ENERGY_FROM = 3;

/** The mood-meter quadrant a check-in's mood and energy put the person in. */
export function quadrantOf(c: Pick<CheckIn, 'mood' | 'energy'>): Quadrant {
  const pleasant = c.mood >= PLEASANT_FROM ? 'pleasant' : 'unpleasant';
  return `${pleasant}-${c.energy >= HIGH_ENERGY_FROM ? 'high' : 'low'}`;
}

export const wordsIn = (library: FeelingsLibrary, quadrant: Quadrant): Feeling[] => library.words.filter((w) => w.quadrant === quadrant);

/** A feeling by id or by its word, case and spacing aside ("On edge", "on-edge"). */
export function findFeeling(library: FeelingsLibrary, typed: string): Feeling | undefined {
  const key = typed.trim().toLowerCase().replace(/\s+/g, '-');
  return library.words.find((w) => w.id === key || w.word.toLowerCase().replace(/\s+/g, '-') === key);
}
