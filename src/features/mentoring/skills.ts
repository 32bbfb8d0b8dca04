import type { MentoringSkill } from '../../content/mentoring-library.js';

/** A light stemmer: enough for "listening"/"listen", "customers"/"customer", "prioritising"/"prioritise". */
function stem(word: string): string {
  let w = word;
  for (const suffix of ['ing', 'ies', 'es', 'ed', 's']) {
    if (w.length > suffix.length + 3 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w.replace(/e$/, '');
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    // Accents fold away (café = cafe); letters and digits of every script stay words.
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map(stem);
}

/** Start positions where the phrase appears in the text as whole words. */
function findPhrase(haystack: string[], phrase: string[]): number[] {
  const at: number[] = [];
  if (phrase.length === 0) return at;
  outer: for (let i = 0; i + phrase.length <= haystack.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (haystack[i + j] !== phrase[j]) continue outer;
    at.push(i);
  }
  return at;
}

interface Span {
  skill: string;
  from: number;
  to: number;
}

/**
 * Maps free text ("staying calm with angry customers, giving feedback") to skill ids, in library
 * order. A skill matches when its id, label or one of its keywords appears in the text as whole words,
 * unless that match lies inside a longer match of another skill: "receiving feedback" means receiving
 * feedback, not also giving it.
 */
export function skillsIn(text: string, skills: readonly MentoringSkill[]): string[] {
  const haystack = words(text);
  const spans: Span[] = [];
  for (const s of skills) {
    for (const phrase of [s.id, s.label, ...s.keywords].map(words)) {
      for (const from of findPhrase(haystack, phrase)) spans.push({ skill: s.id, from, to: from + phrase.length });
    }
  }
  const covered = (a: Span) => spans.some((b) => b.skill !== a.skill && b.to - b.from > a.to - a.from && b.from <= a.from && b.to >= a.to);
  const found = new Set(spans.filter((s) => !covered(s)).map((s) => s.skill));
  return skills.filter((s) => found.has(s.id)).map((s) => s.id);
}

export function skillLabel(skills: readonly MentoringSkill[], id: string): string {
  return skills.find((s) => s.id === id)?.label ?? id;
}

export function skillLabels(skills: readonly MentoringSkill[], ids: readonly string[]): string {
  return ids.map((id) => skillLabel(skills, id)).join(', ');
}
