import { describe, expect, it } from 'vitest';
import type { CoachingTip } from '../../src/content/coaching-tips.js';
import type { DigestWeek } from '../../src/core/model/digest-week.js';
import { coachingTip, signals } from '../../src/features/digest/signals.js';

const week = (over: Partial<DigestWeek> = {}): DigestWeek => ({
  from: '2026-02-23',
  to: '2026-03-01',
  frozenAt: '2026-03-02T10:00:00.000Z',
  threshold: 5,
  members: 10,
  respondents: 10,
  mood: { mean: 3.5, distribution: [0, 0, 5, 5, 0] },
  energy: { mean: 3.5, distribution: [0, 0, 5, 5, 0] },
  stress: { mean: 2.5, distribution: [0, 5, 5, 0, 0] },
  stressHigh: 0,
  hardRuns: 0,
  themes: [],
  custom: [],
  ...over,
});
const kinds = (latest: DigestWeek, previous?: DigestWeek) => signals(latest, previous).map((s) => s.kind);

describe('signals', () => {
  it('energy at 2.5 raises the low-energy signal; 2.6 does not; a withheld week never does', () => {
    expect(signals(week({ energy: { mean: 2.5, distribution: [0, 5, 5, 0, 0] } }), undefined)).toEqual([{ kind: 'low-energy', vars: { mean: '2.5' } }]);
    expect(kinds(week({ energy: { mean: 2.6, distribution: [0, 4, 6, 0, 0] } }))).toEqual([]);
    expect(kinds(week({ withheld: 'too-few', respondents: 3, energy: { mean: 1, distribution: [3, 0, 0, 0, 0] } }))).toEqual([]);
  });

  it('mood at 2.8 or lower two weeks running, without a fall of 0.5, is low and steady', () => {
    const low = (mean: number) => ({ mood: { mean, distribution: [0, 10, 0, 0, 0] } });
    expect(signals(week(low(2.6)), week(low(2.8)))).toEqual([{ kind: 'mood-low-steady', vars: { from: '2.8', to: '2.6' } }]);
    expect(kinds(week(low(2.9)), week(low(2.5)))).toEqual([]);
    expect(kinds(week(low(2.2)), week(low(2.8)))).toEqual(['mood-drop']);
    expect(kinds(week(low(2.5)), week({ ...low(2.5), withheld: 'too-few', respondents: 3 }))).toEqual([]);
  });

  it('mood up 0.5 or stress down 0.5 is improving; smaller moves are not', () => {
    expect(kinds(week({ mood: { mean: 4.0, distribution: [0, 0, 0, 10, 0] } }), week())).toEqual(['improving']);
    expect(kinds(week({ stress: { mean: 2.0, distribution: [0, 10, 0, 0, 0] } }), week())).toEqual(['improving']);
    expect(signals(week({ stress: { mean: 2.0, distribution: [0, 10, 0, 0, 0] } }), week())[0]!.vars).toEqual({ moodFrom: '3.5', moodTo: '3.5', stressFrom: '2.5', stressTo: '2.0' });
    expect(kinds(week({ mood: { mean: 3.9, distribution: [0, 0, 0, 10, 0] }, stress: { mean: 2.1, distribution: [0, 10, 0, 0, 0] } }), week())).toEqual([]);
  });

  it('is no better week when the other measure got clearly worse: mood falling with stress down, or stress rising with mood up', () => {
    expect(kinds(week({ mood: { mean: 2.0, distribution: [0, 10, 0, 0, 0] }, stress: { mean: 2.0, distribution: [0, 10, 0, 0, 0] } }), week())).toEqual(['mood-drop']);
    expect(kinds(week({ mood: { mean: 4.0, distribution: [0, 0, 0, 10, 0] }, stress: { mean: 3.0, distribution: [0, 0, 10, 0, 0] } }), week())).toEqual([]);
    expect(kinds(week({ mood: { mean: 3.1, distribution: [0, 0, 10, 0, 0] }, stress: { mean: 2.0, distribution: [0, 10, 0, 0, 0] } }), week())).toEqual(['improving']);
  });

  it('mood down exactly 0.5 week over week raises the mood signal; down 0.4 does not', () => {
    expect(signals(week({ mood: { mean: 3.0, distribution: [0, 0, 10, 0, 0] } }), week())).toEqual([{ kind: 'mood-drop', vars: { from: '3.5', to: '3.0', change: '0.5' } }]);
    expect(kinds(week({ mood: { mean: 3.1, distribution: [0, 0, 10, 0, 0] } }), week())).toEqual([]);
  });

  it('no mood signal when the week before was withheld', () => {
    expect(kinds(week({ mood: { mean: 2.0, distribution: [0, 10, 0, 0, 0] } }), week({ withheld: 'too-few', respondents: 3 }))).toEqual([]);
  });

  it('stress 4+ for exactly 30% of the people the distribution counts raises the stress signal; 20% does not', () => {
    expect(signals(week({ stressHigh: 3 }), week())).toEqual([{ kind: 'high-stress', vars: { people: 3, respondents: 10, percent: 30 } }]);
    expect(kinds(week({ stressHigh: 2 }), week())).toEqual([]);
  });

  it('participation down 20 points raises the signal; down 19 does not; an unpublished count raises nothing', () => {
    expect(signals(week({ respondents: 4, withheld: 'overlap' }), week({ respondents: 6 }))).toEqual([{ kind: 'participation-drop', vars: { from: 60, to: 40, points: 20 } }]);
    expect(kinds(week({ members: 100, respondents: 41 }), week({ members: 100, respondents: 60 }))).toEqual([]);
    const { respondents: _, ...unpublished } = week({ withheld: 'too-few' });
    expect(kinds(unpublished, week())).toEqual([]);
  });

  it('hard runs for 30% of respondents raise the hard-days signal; 20% does not', () => {
    expect(signals(week({ hardRuns: 3 }), week())).toEqual([{ kind: 'bad-days', vars: { people: 3, respondents: 10, percent: 30 } }]);
    expect(kinds(week({ hardRuns: 2 }), week())).toEqual([]);
  });

  it('a withheld week raises no score signal, whatever it holds', () => {
    expect(kinds(week({ withheld: 'overlap', stressHigh: 9, hardRuns: 9 }), week())).toEqual([]);
  });
});

describe('coaching tips', () => {
  const tips: CoachingTip[] = ['a', 'b', 'c'].map((x, i) => ({ id: `mood-0${i + 1}`, signal: 'mood-drop', component: 'empathy', text: `tip ${x} for a mood drop, long enough` }));

  it('rotate by week number: consecutive weeks get consecutive tips', () => {
    const ids = ['2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23'].map((w) => coachingTip(tips, 'mood-drop', w, 'shell/care').id);
    const start = tips.findIndex((t) => t.id === ids[0]);
    expect(ids).toEqual([0, 1, 2, 3].map((i) => tips[(start + i) % 3]!.id));
  });
});
