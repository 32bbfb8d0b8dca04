import type { Availability, WorkingWeek } from './working-hours.js';

/** A mentor as matching sees them. */
export interface MentorCandidate {
  personId: string;
  skills: readonly string[];
  capacity: number;
  /** Active mentees plus pending invitations: invitations hold a place until answered. */
  load: number;
  teams: ReadonlySet<string>;
  availability: Availability;
}

export interface MatchQuery {
  menteeId: string;
  tags: readonly string[];
  teams: ReadonlySet<string>;
  availability: Availability;
  /** Never invited: mentors already tried for this request, and anyone paired with the mentee in the last 90 days. */
  excluded: ReadonlySet<string>;
}

export interface RankedMentor {
  personId: string;
  score: number;
  /** The goal's skills this mentor offers, in the goal's order. */
  shared: string[];
  sharedHours: number;
  crossTeam: boolean;
}

/** How much each part counts: skills first, then working hours, learning across teams, and spare room. */
export const WEIGHTS = { skills: 50, hours: 20, crossTeam: 15, spare: 15 } as const;

/**
 * Mentors who fit, best first. A mentor fits when they are not the mentee, not excluded, have spare
 * capacity, and offer at least one of the goal's skills. Ties break on the id so results are stable.
 */
export function rankMentors(query: MatchQuery, candidates: readonly MentorCandidate[], week: WorkingWeek): RankedMentor[] {
  const menteeHours = week.hours(query.availability);
  const ranked: RankedMentor[] = [];
  for (const c of candidates) {
    if (c.personId === query.menteeId || query.excluded.has(c.personId)) continue;
    const spare = c.capacity - c.load;
    if (spare <= 0) continue;
    const shared = query.tags.filter((t) => c.skills.includes(t));
    if (shared.length === 0) continue;
    const sharedHours = week.sharedHours(query.availability, c.availability);
    const possible = Math.min(menteeHours, week.hours(c.availability));
    const crossTeam = ![...c.teams].some((t) => query.teams.has(t));
    const score =
      (WEIGHTS.skills * shared.length) / query.tags.length +
      (possible > 0 ? (WEIGHTS.hours * sharedHours) / possible : 0) +
      (crossTeam ? WEIGHTS.crossTeam : 0) +
      (WEIGHTS.spare * spare) / c.capacity;
    ranked.push({ personId: c.personId, score, shared, sharedHours, crossTeam });
  }
  return ranked.sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId));
}
