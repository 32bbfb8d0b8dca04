import type { Theme } from '../../core/model/digest-week.js';
import { STOP_WORDS } from './stop-words.js';

/** How many themes a digest lists at most. */
export const MAX_THEMES = 8;

/**
 * The meaningful words of a text and its two-word phrases (two meaningful words side by side).
 * Lower case; words under three letters, numbers and stop-words are dropped.
 */
export function terms(text: string): Set<string> {
  const out = new Set<string>();
  // Phrases never span punctuation: "tired. Angry customer" holds no "tired angry".
  for (const clause of text.toLowerCase().replace(/[’‘]/g, "'").split(/[.!?;,:()[\]"\n]+/)) {
    let previous: string | undefined;
    for (const raw of clause.match(/[\p{L}][\p{L}'-]*/gu) ?? []) {
      const word = raw.replace(/^['-]+|['-]+$/g, '');
      if (word.length < 3 || STOP_WORDS.has(word)) {
        previous = undefined;
        continue;
      }
      out.add(word);
      if (previous) out.add(`${previous} ${word}`);
      previous = word;
    }
  }
  return out;
}

/** For each term, how many distinct people used it (a person counts once however often they wrote it). */
export function termPeople(textsByPerson: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const people = new Map<string, number>();
  for (const texts of textsByPerson.values()) {
    const mine = new Set<string>();
    for (const t of texts) for (const term of terms(t)) mine.add(term);
    for (const term of mine) people.set(term, (people.get(term) ?? 0) + 1);
  }
  return people;
}

/**
 * Terms whose count reaches `minimum`, most used first. A word is left out when a listed phrase
 * containing it has at least its count (it would say nothing new).
 */
export function pickThemes(counts: ReadonlyMap<string, number>, minimum: number, max = MAX_THEMES): Theme[] {
  const shown = [...counts].filter(([, n]) => n >= minimum).map(([term, n]) => ({ term, people: n }));
  const phrases = shown.filter((t) => t.term.includes(' '));
  const kept = shown.filter((t) => t.term.includes(' ') || !phrases.some((p) => p.people >= t.people && p.term.split(' ').includes(t.term)));
  kept.sort((a, b) => b.people - a.people || Number(b.term.includes(' ')) - Number(a.term.includes(' ')) || a.term.localeCompare(b.term));
  return kept.slice(0, max);
}

/** Terms used by at least `threshold` distinct people (exact counts: the digest publishes noisy ones). */
export function themes(textsByPerson: ReadonlyMap<string, readonly string[]>, threshold: number, max = MAX_THEMES): Theme[] {
  return pickThemes(termPeople(textsByPerson), threshold, max);
}
