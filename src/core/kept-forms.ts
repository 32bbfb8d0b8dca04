import type { Block } from './reply.js';
import type { Store } from './store/index.js';

type FormBlock = Extract<Block, { type: 'form' }>;

const KEEP = 10;
const OPEN_MS = 24 * 60 * 60_000;

/**
 * Forms behind "open" buttons in messages, per person, by a token the button carries, so a click opens
 * exactly that form (even one no command rebuilds). The newest few stay openable for a day. Each adapter
 * keeps its own under its own purpose.
 */
export function keptForms(purpose: string) {
  return {
    async keep(store: Store, personId: string, forms: Array<{ token: string; form: FormBlock }>, now: Date): Promise<void> {
      if (forms.length === 0) return;
      // Read and write in one transaction: two messages sent to the same person at once (a prompt and a
      // digest) each keep their forms, instead of the later write dropping the earlier one's.
      await store.transaction(async (tx) => {
        const kept = Object.entries((await tx.drafts.get<Record<string, FormBlock>>(personId, purpose, now)) ?? {});
        const next = [...kept.filter(([token]) => !forms.some((f) => f.token === token)), ...forms.map((f) => [f.token, f.form] as const)].slice(-KEEP);
        await tx.drafts.set(personId, purpose, Object.fromEntries(next), new Date(now.getTime() + OPEN_MS));
      });
    },
    async get(store: Store, personId: string, token: string, now: Date): Promise<FormBlock | undefined> {
      return (await store.drafts.get<Record<string, FormBlock>>(personId, purpose, now))?.[token];
    },
  };
}
