import type { AppContext } from '../core/app-context.js';
import type { Actor } from '../core/invocation.js';
import type { Person } from '../core/model/person.js';
import { PersonSchema } from '../core/model/person.js';
import { isValidTimeZone } from '../core/time.js';

/**
 * The person behind an actor, created at first contact. The first person in a workspace becomes its
 * admin, so a new install can be set up without editing files. A zone the platform reports is kept
 * only while the person has not chosen one.
 */
export async function ensurePerson(app: AppContext, actor: Actor, now: Date): Promise<{ person: Person; created: boolean }> {
  const platformTz = actor.platformTimeZone && isValidTimeZone(actor.platformTimeZone) ? actor.platformTimeZone : undefined;
  const refresh = (existing: Person): Person => {
    const updates: Partial<Person> = {};
    if (platformTz && existing.tzSource !== 'user' && existing.tz !== platformTz) Object.assign(updates, { tz: platformTz, tzSource: 'platform' });
    if (actor.displayName && actor.displayName !== existing.name) updates.name = actor.displayName.slice(0, 200);
    return Object.keys(updates).length === 0 ? existing : { ...existing, ...updates };
  };
  const existing = await app.store.people.get(actor.id);
  if (existing) {
    const next = refresh(existing);
    if (next === existing) return { person: existing, created: false };
    return { person: (await app.store.people.update(actor.id, refresh)) ?? next, created: false };
  }
  const first = (await app.store.people.list(actor.workspace)).length === 0;
  const person = PersonSchema.parse({
    id: actor.id,
    workspace: actor.workspace,
    name: (actor.displayName || actor.id).slice(0, 200),
    createdAt: now.toISOString(),
    admin: first,
    ...(platformTz ? { tz: platformTz, tzSource: 'platform' } : {}),
  });
  // Two first messages at once: one creates, the other gets the stored record.
  const { record, created } = await app.store.people.create(person);
  return { person: record, created };
}

export function effectiveTimeZone(app: AppContext, person: Person): string {
  return person.tz ?? app.config.defaultTimeZone;
}
