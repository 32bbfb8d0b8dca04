import type { Store } from '../../core/store/index.js';
import { keptForms } from '../../core/kept-forms.js';

/** A Discord modal can only open in answer to a click, so the form travels by token. */
const forms = keptForms('discord.forms');
export const keepForms = forms.keep;
export const openForm = forms.get;

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
