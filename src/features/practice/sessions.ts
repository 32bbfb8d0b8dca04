import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../core/app-context.js';
import type { PracticeCard } from '../../content/practice-library.js';
import { emptyPersonPractice, KEPT_SESSIONS, type PersonPractice, type PracticeSession, type PracticeState } from '../../core/model/practice.js';
import { stableHash } from '../../core/hash.js';
import { seededRandom } from '../../core/seeded-random.js';

/** A person's practice record (empty when they have none): a copy, safe to read. */
export function personPractice(app: Pick<AppContext, 'store'>, personId: string): PersonPractice {
  return structuredClone(app.store.practice().people[personId] ?? emptyPersonPractice());
}

/** Card ids of the person's sessions, oldest first: the no-repeat rule reads these. */
export function recentCards(app: Pick<AppContext, 'store'>, personId: string): string[] {
  return (app.store.practice().people[personId]?.sessions ?? []).map((s) => s.cardId);
}

/** A random source that differs per person and per session but that tests can reproduce. */
export function practiceRandom(personId: string, now: Date): () => number {
  return seededRandom(stableHash(`${personId}|${now.toISOString()}`));
}

/** Adds a session to a person's record inside an updatePractice change, counting it once per component. */
export function addSession(state: PracticeState, personId: string, session: PracticeSession): void {
  const person = (state.people[personId] ??= emptyPersonPractice());
  if (person.sessions.some((s) => s.id === session.id)) return;
  person.sessions.push(session);
  if (person.sessions.length > KEPT_SESSIONS) person.sessions.splice(0, person.sessions.length - KEPT_SESSIONS);
  for (const c of session.components) person.counts[c] = (person.counts[c] ?? 0) + 1;
}

export function newSession(card: PracticeCard, mode: 'solo' | 'peer', at: Date, localDate: string, extra: Partial<PracticeSession> = {}): PracticeSession {
  return { id: randomUUID(), cardId: card.id, mode, components: [...card.components], at: at.toISOString(), localDate, ...extra };
}
