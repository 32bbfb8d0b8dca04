import { randomUUID } from 'node:crypto';
import type { App } from '../../src/app.js';
import type { CheckIn } from '../../src/core/model/history.js';
import { PersonSchema } from '../../src/core/model/person.js';
import { teamId, type CustomQuestion, type Team } from '../../src/core/model/team.js';
import { putPerson, putTeam } from '../helpers/seed.js';

/** The test clock's "today" is Monday 2026-03-02, so the digest's latest week is 02-23..03-01 and the one before 02-16..02-22. */
export const LATEST = ['2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01'];
export const PREVIOUS = ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22'];
export const JOINED = '2025-12-01T00:00:00.000Z';

export const pid = (name: string) => `shell:${name}`;
export const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

export async function person(app: App, name: string, opts: { admin?: boolean; tz?: string } = {}): Promise<void> {
  if ((await app.store.people.get(pid(name)))) return;
  await putPerson(app.store, 
    PersonSchema.parse({ id: pid(name), workspace: 'shell', name, createdAt: JOINED, admin: opts.admin ?? false, ...(opts.tz ? { tz: opts.tz } : {}) }),
  );
}

export async function team(
  app: App,
  slug: string,
  opts: { members: string[]; leads?: string[]; threshold?: number; questions?: CustomQuestion[]; name?: string; digestDay?: Team['digestDay']; digestTime?: string },
): Promise<Team> {
  for (const n of [...opts.members, ...(opts.leads ?? [])]) await person(app, n);
  return putTeam(app.store, {
    id: teamId('shell', slug),
    workspace: 'shell',
    name: opts.name ?? slug,
    createdAt: JOINED,
    members: opts.members.map((m) => ({ personId: pid(m), from: JOINED })),
    leads: (opts.leads ?? []).map(pid),
    ...(opts.threshold ? { threshold: opts.threshold } : {}),
    digestDay: opts.digestDay ?? 'mon',
    digestTime: opts.digestTime ?? '09:00',
    questions: opts.questions ?? [],
  });
}

export async function checkIn(
  app: App,
  name: string,
  date: string,
  scores: { mood: number; energy?: number; stress?: number },
  opts: { teams: string[]; note?: string; shareNote?: boolean; custom?: Record<string, number | string> },
): Promise<CheckIn> {
  // As the check-in command does: a shared note goes to the leads of the author's teams at that moment.
  const teams = await Promise.all(opts.teams.map((t) => app.store.teams.get(teamId('shell', t))));
  const leads = [...new Set(teams.flatMap((t) => t?.leads ?? []))].sort();
  const { record } = await app.store.history.addCheckIn({
    id: randomUUID(),
    personId: pid(name),
    at: `${date}T12:00:00.000Z`,
    localDate: date,
    mood: scores.mood,
    energy: scores.energy ?? 3,
    stress: scores.stress ?? 3,
    shareNote: opts.shareNote ?? false,
    ...(opts.shareNote ? { sharedWith: leads } : {}),
    teams: opts.teams.map((t) => teamId('shell', t)),
    custom: opts.custom ?? {},
    ...(opts.note ? { note: opts.note } : {}),
  });
  return record;
}

/** The reply's text without the line that names the chart file. */
export const lines = (text: string) => text.split('\n');

/** A score line's figures: the (noisy) mean and distribution the digest shows for mood, energy or stress. */
export function scoreFigures(text: string, label: 'Mood' | 'Energy' | 'Stress'): { mean: number; distribution: number[] } | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${label}: `));
  const m = line?.match(/^\w+: (\d\.\d) .* people by score 1-5(?: \(approximate\))?: ([\d ·]+|nearly all at \d) ·/);
  if (!m) return undefined;
  // "nearly all at 3" (a coarsened distribution) reads as an unknown spread: an empty list.
  return { mean: Number(m[1]), distribution: m[2]!.startsWith('nearly') ? [] : m[2]!.split(' · ').map(Number) };
}

/** The noisy participation count a digest shows ("about N of M people"), if any. */
export function shownRespondents(text: string): number | undefined {
  const m = text.match(/^Participation: (?:about )?(\d+) of \d+ people/m);
  return m ? Number(m[1]) : undefined;
}
