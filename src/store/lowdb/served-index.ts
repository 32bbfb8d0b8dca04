import { z } from 'zod';
import { ServedPromptSchema, type ServedPrompt } from '../../core/model/history.js';

/**
 * history/<person>/served-index.json: for each prompt id, the latest time it was served to the person.
 * Prompt rotation reads this one small file (one entry per prompt, ~30) instead of 180 days of months.
 */
export const ServedIndexSchema = z.object({
  version: z.literal(1),
  personId: z.string(),
  /** False until built from the person's months (an index created before any served prompt is complete too). */
  complete: z.boolean().default(true),
  latest: z.record(z.string(), ServedPromptSchema).default({}),
  /** Each prompt's serve before its latest: what it falls back to when the latest is replaced the same day. */
  earlier: z.record(z.string(), ServedPromptSchema).default({}),
});
export type ServedIndex = z.infer<typeof ServedIndexSchema>;

export const SERVED_INDEX_FILE = 'served-index.json';

/** Records a served prompt: one per person and local date, so another prompt served that same day is dropped. */
export function applyServed(index: ServedIndex, served: ServedPrompt): void {
  for (const [promptId, entry] of Object.entries(index.latest)) {
    if (entry.localDate !== served.localDate || promptId === served.promptId) continue;
    // Replaced the same day: that prompt's latest serve is its earlier one again.
    const before = index.earlier[promptId];
    if (before) index.latest[promptId] = before;
    else delete index.latest[promptId];
    delete index.earlier[promptId];
  }
  const prev = index.latest[served.promptId];
  if (prev && prev.localDate < served.localDate) index.earlier[served.promptId] = prev;
  if (!prev || served.localDate >= prev.localDate) index.latest[served.promptId] = served;
}

/** The latest serve of each prompt on or after `since`, oldest first. */
export function latestSince(index: ServedIndex, since: string): ServedPrompt[] {
  return Object.values(index.latest)
    .filter((s) => s.localDate >= since)
    .sort((a, b) => (a.localDate < b.localDate ? -1 : a.localDate > b.localDate ? 1 : 0));
}
