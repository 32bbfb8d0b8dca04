import type { PracticeCard, PracticeChannel, PracticeDifficulty, PracticeLibrary } from '../../content/practice-library.js';

/** A card done in this many of the person's latest sessions is not offered again while fresh cards remain. */
export const NO_REPEAT_SESSIONS = 10;

export interface CardFilters {
  channel?: PracticeChannel;
  difficulty?: PracticeDifficulty;
}

/**
 * A card matching the filters, avoiding cards in the recent sessions (newest last). When every
 * matching card is recent, the one done longest ago comes back first. Undefined when nothing matches.
 */
export function pickCard(library: Pick<PracticeLibrary, 'cards'>, filters: CardFilters, recentCardIds: readonly string[], random: () => number): PracticeCard | undefined {
  const candidates = library.cards.filter((c) => (!filters.channel || c.channel === filters.channel) && (!filters.difficulty || c.difficulty === filters.difficulty));
  if (candidates.length === 0) return undefined;
  const recent = recentCardIds.slice(-NO_REPEAT_SESSIONS);
  const fresh = candidates.filter((c) => !recent.includes(c.id));
  if (fresh.length) return fresh[Math.floor(random() * fresh.length)]!;
  return [...candidates].sort((a, b) => recent.lastIndexOf(a.id) - recent.lastIndexOf(b.id))[0];
}
