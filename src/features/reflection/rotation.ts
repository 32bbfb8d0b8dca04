import type { ReflectionPrompt } from '../../content/reflection-prompts.js';
import { stableHash } from '../../core/hash.js';
import { EI_COMPONENTS, type ServedPrompt } from '../../core/model/history.js';
import { addDays, type LocalDate } from '../../core/time.js';

/** No prompt is served twice within this many days while prompts unseen in that window remain. */
export const NO_REPEAT_DAYS = 60;

/**
 * Picks the next prompt for a person.
 * - Components take turns: the one after the most recently served component goes next.
 * - Within it, a prompt not served in the last 60 days; never-served before least-recently-served.
 * - If that component has nothing fresh, the next component in turn is tried; only when every prompt
 *   was served in the last 60 days does the least recently served prompt come back.
 * Ties break by a hash of (seed, prompt id), so people on the same day get different prompts.
 */
export function choosePrompt(
  library: readonly ReflectionPrompt[],
  served: readonly ServedPrompt[],
  today: LocalDate,
  seed: string,
): ReflectionPrompt {
  if (library.length === 0) throw new Error('The reflection library is empty');
  const lastServed = new Map<string, LocalDate>();
  for (const s of served) {
    const prev = lastServed.get(s.promptId);
    if (!prev || s.localDate > prev) lastServed.set(s.promptId, s.localDate);
  }
  let latest: ServedPrompt | undefined;
  for (const s of served) if (!latest || s.localDate >= latest.localDate) latest = s;
  const start = latest ? (EI_COMPONENTS.indexOf(latest.component) + 1) % EI_COMPONENTS.length : stableHash(seed) % EI_COMPONENTS.length;
  const order = EI_COMPONENTS.map((_, i) => EI_COMPONENTS[(start + i) % EI_COMPONENTS.length]!);

  // ISO dates compare as strings: served on or before the cutoff means 60+ days ago.
  const cutoff = addDays(today, -NO_REPEAT_DAYS);
  const isFresh = (p: ReflectionPrompt) => {
    const last = lastServed.get(p.id);
    return !last || last <= cutoff;
  };
  // Never served first, then least recently served; ties by a hash of (seed, id).
  const best = (candidates: readonly ReflectionPrompt[]) => {
    let pick: { p: ReflectionPrompt; last: string; tie: number } | undefined;
    for (const p of candidates) {
      const last = lastServed.get(p.id) ?? '';
      if (pick && last > pick.last) continue;
      const tie = stableHash(`${seed}:${p.id}`);
      if (!pick || last < pick.last || tie < pick.tie) pick = { p, last, tie };
    }
    return pick!.p;
  };

  for (const component of order) {
    const fresh = library.filter((p) => p.component === component && isFresh(p));
    if (fresh.length) return best(fresh);
  }
  // Everything was served within the window: the least recently served, still taking turns.
  const inTurn = library.filter((p) => p.component === order[0]);
  return best(inTurn.length ? inTurn : library);
}
