import type { Nudge } from '../../content/nudges.js';
import type { AppContext } from '../../core/app-context.js';
import type { CheckIn } from '../../core/model/history.js';
import type { NudgeSource } from '../../core/model/nudges.js';
import type { Person } from '../../core/model/person.js';
import { addDays, type LocalDate } from '../../core/time.js';
import { unrequestedHold, withServed } from './nudge-state.js';
import { chooseNudge } from './select.js';

/** A check-in this recent still says how the person is doing (today and the two days before). */
const FIT_LOOKBACK_DAYS = 2;

type App = Pick<AppContext, 'store' | 'content' | 'clock'>;

/** The person's latest check-in of the last few days, if any. */
export async function latestCheckIn(app: App, personId: string, today: LocalDate): Promise<CheckIn | undefined> {
  const recent = await app.store.history.checkIns(personId, { from: addDays(today, -FIT_LOOKBACK_DAYS), to: today });
  return recent.at(-1);
}

export interface Served {
  nudge: Nudge;
  /** The check-in it was chosen to fit, if one was recent. */
  checkIn?: CheckIn;
}

/**
 * Chooses a nudge for the person and records it as served. An unrequested one (daily, after a
 * check-in, with the prompt) is held back when nudges are off or snoozed or a cap is reached:
 * then nothing is recorded and the result is undefined.
 */
export async function serveNudge(app: App, person: Person, today: LocalDate, source: NudgeSource): Promise<Served | undefined> {
  const checkIn = await latestCheckIn(app, person.id, today);
  // Read after the await and save with no await in between, so nothing else changes the state meanwhile.
  const state = await app.store.nudges.get(person.id);
  if (source !== 'requested' && unrequestedHold(state, today)) return undefined;
  const nudge = chooseNudge(app.content.nudges, {
    checkIn,
    served: state.served,
    votes: state.votes,
    today,
    seed: `${person.id}:${today}:${state.served.length}`,
  });
  if (!nudge) return undefined;
  const served = { nudgeId: nudge.id, localDate: today, at: app.clock.now().toISOString(), source };
  await app.store.nudges.update(person.id, (current) => withServed(current, served));
  return checkIn ? { nudge, checkIn } : { nudge };
}
