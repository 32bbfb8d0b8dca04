import type { Block } from '../../core/reply.js';
import type { Store } from '../../core/store/index.js';

type FormBlock = Extract<Block, { type: 'form' }>;

const PURPOSE = 'slack.forms';
const KEEP = 10;
const OPEN_MS = 24 * 60 * 60_000;

/**
 * Forms behind "open" buttons in messages, per person, by a token the button carries. A click then
 * opens exactly that form at once (a trigger_id lasts 3 s), even a form no command rebuilds, such as
 * the team questions that follow a check-in. The newest few stay openable for a day.
 */
export async function keepForms(store: Store, personId: string, forms: Array<{ token: string; form: FormBlock }>, now: Date): Promise<void> {
  if (forms.length === 0) return;
  const kept = Object.entries((await store.drafts.get<Record<string, FormBlock>>(personId, PURPOSE, now)) ?? {});
  const next = [...kept.filter(([token]) => !forms.some((f) => f.token === token)), ...forms.map((f) => [f.token, f.form] as const)].slice(-KEEP);
  await store.drafts.set(personId, PURPOSE, Object.fromEntries(next), new Date(now.getTime() + OPEN_MS));
}

export async function keptForm(store: Store, personId: string, token: string, now: Date): Promise<FormBlock | undefined> {
  return (await store.drafts.get<Record<string, FormBlock>>(personId, PURPOSE, now))?.[token];
}
