import { describe, expect, it } from 'vitest';
import { emptyNudgeState, type NudgeSource, type NudgeState } from '../../src/core/model/nudges.js';
import { addDays } from '../../src/core/time.js';
import { unrequestedHold, withServed, withSnooze } from '../../src/features/nudges/nudge-state.js';

const TODAY = '2026-03-10';
const withDays = (entries: Array<[number, NudgeSource]>, base: NudgeState = emptyNudgeState()): NudgeState =>
  entries.reduce((s, [daysAgo, source], i) => withServed(s, { nudgeId: `br-0${(i % 6) + 1}`, localDate: addDays(TODAY, -daysAgo), at: `${addDays(TODAY, -daysAgo)}T09:00:00.000Z`, source }), base);

describe('caps on nudges Attune starts itself', () => {
  it('allows one when nothing was sent', () => {
    expect(unrequestedHold(emptyNudgeState(), TODAY)).toBeUndefined();
  });

  it('holds a second unrequested nudge on the same day', () => {
    expect(unrequestedHold(withDays([[0, 'checkin']]), TODAY)).toBe('daily-cap');
  });

  it('holds a fourth unrequested nudge within seven days', () => {
    expect(unrequestedHold(withDays([[6, 'checkin'], [3, 'checkin'], [1, 'prompt']]), TODAY)).toBe('weekly-cap');
  });

  it('allows it again once the oldest of the three is seven days old', () => {
    expect(unrequestedHold(withDays([[7, 'checkin'], [3, 'checkin'], [1, 'prompt']]), TODAY)).toBeUndefined();
  });

  it('does not count the daily nudge the person opted into', () => {
    expect(unrequestedHold(withDays([[0, 'daily'], [1, 'daily'], [2, 'daily'], [3, 'daily']]), TODAY)).toBeUndefined();
  });

  it('does not count nudges the person asked for', () => {
    expect(unrequestedHold(withDays([[0, 'requested'], [0, 'requested'], [1, 'requested'], [2, 'requested']]), TODAY)).toBeUndefined();
  });

  it('holds everything while nudges are off, whatever the caps say', () => {
    expect(unrequestedHold({ ...emptyNudgeState(), off: true }, TODAY)).toBe('off');
  });

  it('snooze 3 holds today and the next two days, and nudges resume on the third', () => {
    const { state, until, resume } = withSnooze(emptyNudgeState(), TODAY, 3);
    expect([until, resume]).toEqual(['2026-03-12', '2026-03-13']);
    expect(unrequestedHold(state, TODAY)).toBe('snoozed');
    expect(unrequestedHold(state, '2026-03-12')).toBe('snoozed');
    expect(unrequestedHold(state, '2026-03-13')).toBeUndefined();
  });

  it('forgets served nudges older than a month', () => {
    const state = withDays([[40, 'daily'], [20, 'daily'], [0, 'requested']]);
    expect(state.served.map((s) => s.localDate)).toEqual(['2026-02-18', TODAY]);
  });
});
