import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../core/app-context.js';
import type { PracticeCard } from '../../content/practice-library.js';
import { emptyPersonPractice, KEPT_SESSIONS, type PersonPracticeRecord, type PracticeSession } from '../../core/model/practice.js';
import type { PracticeRepository } from '../../core/store/index.js';
import { stableHash } from '../../core/hash.js';
import { seededRandom } from '../../core/seeded-random.js';

/** A person's practice record (empty when they have none). */
export async function personPractice(app: Pick<AppContext, 'store'>, personId: string): Promise<PersonPracticeRecord> {
  return (await app.store.practice.people.get(personId)) ?? emptyPersonPractice(personId);
}

/** Card ids of the person's sessions, oldest first: the no-repeat rule reads these. */
export async function recentCards(app: Pick<AppContext, 'store'>, personId: string): Promise<string[]> {
  return (await personPractice(app, personId)).sessions.map((s) => s.cardId);
}

/** A random source that differs per person and per session but that tests can reproduce. */
export function practiceRandom(personId: string, now: Date): () => number {
  return seededRandom(stableHash(`${personId}|${now.toISOString()}`));
}

/** Adds a session to a person's record, counting it once per component; a session already there (a retry) changes nothing. */
export async function addSession(practice: PracticeRepository, personId: string, session: PracticeSession): Promise<void> {
  await practice.people.create(emptyPersonPractice(personId));
  await practice.people.update(personId, (person) => {
    if (person.sessions.some((s) => s.id === session.id)) return person;
    const counts = { ...person.counts };
    for (const c of session.components) counts[c] = (counts[c] ?? 0) + 1;
    return { ...person, sessions: [...person.sessions, session].slice(-KEPT_SESSIONS), counts };
  });
}

export function newSession(card: PracticeCard, mode: 'solo' | 'peer', at: Date, localDate: string, extra: Partial<PracticeSession> = {}): PracticeSession {
  return { id: randomUUID(), cardId: card.id, mode, components: [...card.components], at: at.toISOString(), localDate, ...extra };
}
