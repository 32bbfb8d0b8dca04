import { DeliverySchema, PersonSchema, TeamSchema, type CheckIn, type Delivery, type Person, type Reflection, type Team } from '../../../src/core/model/index.js';
import type { DigestWeek } from '../../../src/core/model/digest-week.js';
import type { MentorMatch, PairPool, PairRound } from '../../../src/core/model/mentoring.js';

const at = '2026-03-02T10:00:00.000Z';

export const person = (name: string, extra: Partial<Person> = {}): Person =>
  PersonSchema.parse({ id: `shell:${name}`, workspace: 'shell', name, createdAt: at, ...extra });

export const team = (slug: string, extra: Partial<Team> = {}): Team =>
  TeamSchema.parse({ id: `shell/${slug}`, workspace: 'shell', name: slug, createdAt: at, ...extra });

export const delivery = (name: string, extra: Partial<Delivery> = {}): Delivery =>
  DeliverySchema.parse({ personId: `shell:${name}`, job: 'daily-prompt', localDate: '2026-03-02', status: 'pending', dueAt: at, updatedAt: at, attempts: 0, ...extra });

export const checkIn = (name: string, id: string, extra: Partial<CheckIn> = {}): CheckIn => ({
  id,
  personId: `shell:${name}`,
  at,
  localDate: '2026-03-02',
  mood: 3,
  energy: 3,
  stress: 3,
  shareNote: false,
  teams: [],
  custom: {},
  ...extra,
});

export const reflection = (name: string, id: string, extra: Partial<Reflection> = {}): Reflection => ({
  id,
  personId: `shell:${name}`,
  at,
  localDate: '2026-03-02',
  promptId: 'p1',
  component: 'empathy',
  answer: 'an answer',
  ...extra,
});

export const pool = (id: string, members: string[]): PairPool => ({
  id,
  workspace: 'shell',
  cadenceWeeks: 2,
  anchor: '2026-03-09',
  members: Object.fromEntries(members.map((m) => [`shell:${m}`, { joinedAt: at }])),
  rounds: [],
});

export const round = (poolId: string, slot: string, groups: string[][]): PairRound => ({
  version: 1,
  id: `${poolId}@${slot}`,
  poolId,
  slot,
  createdAt: at,
  groups: groups.map((g) => g.map((m) => `shell:${m}`)),
  met: {},
});

export const match = (id: string, mentor: string, mentee: string): MentorMatch => ({
  id,
  requestId: `req-${id}`,
  workspace: 'shell',
  mentorId: `shell:${mentor}`,
  menteeId: `shell:${mentee}`,
  goal: 'giving feedback',
  skill: 'empathy',
  startedAt: at,
  status: 'active',
  followUps: {},
});

export const week = (from: string, respondents: number): DigestWeek => ({
  from,
  to: from.replace(/-(\d\d)$/, (_, d: string) => `-${String(Number(d) + 6).padStart(2, '0')}`),
  frozenAt: at,
  threshold: 5,
  members: 8,
  respondents,
  withheld: 'too-few',
  themes: [],
  custom: [],
});
