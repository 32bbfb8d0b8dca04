import { describe, expect, it } from 'vitest';
import { rankMentors, type MentorCandidate, type MatchQuery } from '../../../src/features/mentoring/matching.js';
import { WorkingWeek } from '../../../src/features/mentoring/working-hours.js';

const week = () => new WorkingWeek(Date.parse('2026-03-02T00:00:00Z'));
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const berlin = { tz: 'Europe/Berlin', workingDays: weekdays };

function mentor(id: string, over: Partial<MentorCandidate> = {}): MentorCandidate {
  return { personId: id, skills: ['giving-feedback'], capacity: 2, load: 0, teams: new Set(['t/other']), availability: berlin, ...over };
}

const query: MatchQuery = { menteeId: 'shell:me', tags: ['giving-feedback'], teams: new Set(['t/care']), availability: berlin, excluded: new Set() };

describe('ranking mentors', () => {
  it('never returns the mentee, an excluded mentor, a full mentor, or one without a shared skill', () => {
    const ranked = rankMentors({ ...query, excluded: new Set(['shell:x']) }, [
      mentor('shell:me'),
      mentor('shell:x'),
      mentor('shell:full', { load: 2 }),
      mentor('shell:other-skill', { skills: ['empathy'] }),
      mentor('shell:ok'),
    ], week());
    expect(ranked.map((r) => r.personId)).toEqual(['shell:ok']);
  });

  it('prefers more of the goal\'s skills, then overlapping hours, then another team, then spare room', () => {
    const ranked = rankMentors({ ...query, tags: ['giving-feedback', 'empathy'] }, [
      mentor('shell:a-one-skill'),
      mentor('shell:b-both', { skills: ['giving-feedback', 'empathy'] }),
    ], week());
    expect(ranked.map((r) => r.personId)).toEqual(['shell:b-both', 'shell:a-one-skill']);

    const byHours = rankMentors(query, [mentor('shell:tokyo', { availability: { tz: 'Asia/Tokyo', workingDays: weekdays } }), mentor('shell:zurich', { availability: { tz: 'Europe/Zurich', workingDays: weekdays } })], week());
    expect(byHours.map((r) => [r.personId, r.sharedHours])).toEqual([['shell:zurich', 40], ['shell:tokyo', 0]]);

    const byTeam = rankMentors(query, [mentor('shell:a-same', { teams: new Set(['t/care']) }), mentor('shell:b-cross')], week());
    expect(byTeam.map((r) => [r.personId, r.crossTeam])).toEqual([['shell:b-cross', true], ['shell:a-same', false]]);

    const bySpare = rankMentors(query, [mentor('shell:a-busy', { load: 1 }), mentor('shell:b-free')], week());
    expect(bySpare.map((r) => r.personId)).toEqual(['shell:b-free', 'shell:a-busy']);
  });

  it('counts working-hour overlap across zones and working days', () => {
    const w = week();
    const newYork = { tz: 'America/New_York', workingDays: weekdays };
    // Berlin 09-17 is 08-16 UTC; New York 09-17 is 14-22 UTC in early March (EST): two hours a day.
    expect(w.sharedHours(berlin, newYork)).toBe(10);
    expect(w.sharedHours(berlin, { tz: 'Europe/Berlin', workingDays: ['mon', 'tue'] })).toBe(16);
  });
});
