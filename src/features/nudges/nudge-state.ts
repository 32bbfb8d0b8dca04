import { PERSON_STARTED, type NudgeState, type ServedNudge } from '../../core/model/nudges.js';
import { addDays, daysBetween, type LocalDate } from '../../core/time.js';

/** At most this many nudges Attune starts unasked (not `nudge now`, not the daily one opted into) in one local day... */
export const DAILY_CAP = 1;
/** ...and in any seven days in a row (the day itself and the six before). */
export const WEEKLY_CAP = 3;
/** Served nudges older than this are dropped: the no-repeat window and the caps look back less. */
const KEEP_SERVED_DAYS = 31;

/** Why an unrequested nudge is held back; `off` and `snoozed` are the person's own choice and always win. */
export type Hold = 'off' | 'snoozed' | 'daily-cap' | 'weekly-cap';

export const isSnoozed = (state: NudgeState, day: LocalDate): boolean => state.snoozedUntil !== undefined && day <= state.snoozedUntil;

/** Whether Attune may start a nudge for this person on this day; undefined means it may. */
export function unrequestedHold(state: NudgeState, day: LocalDate): Hold | undefined {
  if (state.off) return 'off';
  if (isSnoozed(state, day)) return 'snoozed';
  // What the person asked for (`nudge now`, `nudge daily`, a nudge for a named feeling) is theirs: the caps count only unasked nudges.
  const unrequested = state.served.filter((s) => !PERSON_STARTED.includes(s.source) && s.source !== 'daily');
  if (unrequested.filter((s) => s.localDate === day).length >= DAILY_CAP) return 'daily-cap';
  const week = unrequested.filter((s) => {
    const age = daysBetween(s.localDate, day);
    return age >= 0 && age < 7;
  });
  if (week.length >= WEEKLY_CAP) return 'weekly-cap';
  return undefined;
}

/** The state after serving a nudge; old entries are pruned. */
export function withServed(state: NudgeState, served: ServedNudge): NudgeState {
  const oldest = addDays(served.localDate, -KEEP_SERVED_DAYS);
  return { ...state, served: [...state.served.filter((s) => s.localDate >= oldest), served] };
}

export function withVote(state: NudgeState, nudgeId: string, helpful: boolean, at: Date): NudgeState {
  return { ...state, votes: { ...state.votes, [nudgeId]: { helpful, at: at.toISOString() } } };
}

/** `nudge snooze <days>`: quiet today and the following days-1 days; nudges resume on the returned date. */
export function withSnooze(state: NudgeState, today: LocalDate, days: number): { state: NudgeState; until: LocalDate; resume: LocalDate } {
  const until = addDays(today, days - 1);
  return { state: { ...state, snoozedUntil: until }, until, resume: addDays(today, days) };
}
