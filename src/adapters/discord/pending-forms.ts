import type { Store } from '../../core/store/index.js';
import type { FormBlock } from './render.js';

const PURPOSE = 'discord.forms';
const KEEP = 10;
const OPEN_MS = 24 * 60 * 60_000;

/**
 * Forms waiting for their "open" button, per person. A Discord modal can only open in answer to a
 * click, so the form travels by token; the newest few stay open for a day.
 */
export async function keepForms(store: Store, personId: string, forms: Array<{ token: string; form: FormBlock }>, now: Date): Promise<void> {
  if (forms.length === 0) return;
  const kept = Object.entries((await store.drafts.get<Record<string, FormBlock>>(personId, PURPOSE, now)) ?? {});
  const next = [...kept.filter(([token]) => !forms.some((f) => f.token === token)), ...forms.map((f) => [f.token, f.form] as const)].slice(-KEEP);
  await store.drafts.set(personId, PURPOSE, Object.fromEntries(next), new Date(now.getTime() + OPEN_MS));
}

export async function openForm(store: Store, personId: string, token: string, now: Date): Promise<FormBlock | undefined> {
  return (await store.drafts.get<Record<string, FormBlock>>(personId, PURPOSE, now))?.[token];
}

const DM_CLOSED = 'discord.dmClosed';
const DM_CLOSED_MS = 365 * 24 * 60 * 60_000;

/** Remembers that a DM was refused (50007), so the person is told once, the next time they use Attune. */
export async function markDmClosed(store: Store, personId: string, now: Date): Promise<void> {
  if (!(await store.people.get(personId))) return;
  await store.drafts.set(personId, DM_CLOSED, { since: now.toISOString() }, new Date(now.getTime() + DM_CLOSED_MS));
}

/** True once after a refused DM: reading the flag clears it. */
export async function takeDmClosed(store: Store, personId: string, now: Date): Promise<boolean> {
  if (!(await store.drafts.get(personId, DM_CLOSED, now))) return false;
  await store.drafts.clear(personId, DM_CLOSED);
  return true;
}
