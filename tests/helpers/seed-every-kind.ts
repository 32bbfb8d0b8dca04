import type { Store } from '../../src/core/store/index.js';

const AT = '2026-03-02T10:00:00.000Z';

/** Puts at least one record of every kind a store holds, through the port, for copy and export tests. */
export async function seedEveryKind(store: Store, people = 3): Promise<void> {
  const ids = Array.from({ length: people }, (_, i) => `slack:T1:U${i}`);
  for (const [i, id] of ids.entries()) {
    await store.people.create({ id, workspace: 'slack:T1', name: `Person ${i}`, createdAt: AT, admin: i === 0, promptTime: '09:30', reminderTime: '16:30', workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'] });
    for (const [d, date] of ['2026-01-30', '2026-02-27', '2026-03-02'].entries()) {
      await store.history.addReflection({ id: `r-${i}-${d}`, personId: id, at: `${date}T09:31:00.000Z`, localDate: date, promptId: 'p1', component: 'empathy', answer: 'I listened.', key: `ev-r-${i}-${d}` });
      await store.history.addCheckIn({ id: `c-${i}-${d}`, personId: id, at: `${date}T16:31:00.000Z`, localDate: date, mood: 4, energy: 3, stress: 2, shareNote: false, teams: ['slack:T1/care'], custom: {} });
      await store.history.recordServed(id, { localDate: date, promptId: `p${d}`, component: 'empathy', at: `${date}T09:30:00.000Z` });
    }
    await store.ledger.claim({ personId: id, job: 'daily-prompt', localDate: '2026-03-02', status: 'sent', dueAt: AT, updatedAt: AT, attempts: 1 });
    await store.nudges.update(id, (s) => ({ ...s, daily: '11:00' }));
  }
  await store.drafts.set(ids[0]!, 'replace-reflection', { answer: 'second' }, new Date('2026-03-02T11:00:00Z'));
  await store.nudges.setSupportResources('slack:T1', { text: 'EAP: 0800 123', updatedAt: AT });
  await store.teams.create({ id: 'slack:T1/care', workspace: 'slack:T1', name: 'Care', createdAt: AT, members: ids.map((personId) => ({ personId, from: AT })), leads: [ids[0]!], digestDay: 'mon', digestTime: '09:00', questions: [] });
  await store.digest.freeze([{ teamId: 'slack:T1/care', week: { from: '2026-02-23', to: '2026-03-01', frozenAt: AT, threshold: 3, members: people, respondents: 2, withheld: 'too-few', themes: [], custom: [] }, published: { workspace: 'slack:T1', queries: [{ key: 'slack:T1/care|participation|x', space: 'participation', people: ['opaque-1'] }] } }]);
  await store.mentoring.profiles.create({ personId: ids[1]!, workspace: 'slack:T1', skills: ['feedback'], text: 'feedback', capacity: 2, since: AT, updatedAt: AT });
  await store.mentoring.requests.create({ id: 'q1', personId: ids[2]!, workspace: 'slack:T1', goal: 'giving feedback', tags: ['feedback'], status: 'matched', createdAt: AT, tried: [], matchId: 'm1' });
  await store.mentoring.invitations.create({ id: 'i1', requestId: 'q1', mentorId: ids[1]!, menteeId: ids[2]!, sentAt: AT, expiresAt: AT, status: 'accepted', answeredAt: AT });
  await store.mentoring.matches.create({ id: 'm1', requestId: 'q1', workspace: 'slack:T1', mentorId: ids[1]!, menteeId: ids[2]!, goal: 'giving feedback', skill: 'feedback', startedAt: AT, status: 'active', followUps: {} });
  await store.pairing.createPool({ id: 'slack:T1', workspace: 'slack:T1', cadenceWeeks: 2, anchor: '2026-03-02', members: Object.fromEntries(ids.map((id) => [id, { joinedAt: AT }])), rounds: [] });
  await store.pairing.createRound({ version: 1, id: 'slack:T1@2026-03-02', poolId: 'slack:T1', slot: '2026-03-02', createdAt: AT, groups: [ids], met: {} });
  // A removed team: its frozen weeks go with it, what its digests published stays in the workspace's ledger.
  await store.teams.create({ id: 'slack:T1/gone', workspace: 'slack:T1', name: 'Gone', createdAt: AT, members: ids.map((personId) => ({ personId, from: AT })), leads: [ids[0]!], digestDay: 'mon', digestTime: '09:00', questions: [] });
  await store.digest.freeze([{ teamId: 'slack:T1/gone', week: { from: REMOVED_TEAM_WEEK, to: '2026-02-22', frozenAt: AT, threshold: 3, members: people, respondents: 2, withheld: 'too-few', themes: [], custom: [] }, published: { workspace: 'slack:T1', queries: [{ key: 'slack:T1/gone|participation|x', space: 'participation', people: ['opaque-2'] }] } }]);
  await store.teams.remove('slack:T1/gone');
  await store.practice.people.create({ personId: ids[0]!, sessions: [{ id: 's1', cardId: 'angry-customer', mode: 'solo', components: ['empathy'], at: AT, localDate: '2026-03-02', answer: 'I hear you.' }], counts: { empathy: 1 } });
  await store.practice.peers.create({ id: 'pp1', cardId: 'angry-customer', people: [ids[0]!, ids[1]!], customerFirst: ids[0]!, stage: 'first', startedAt: AT, updatedAt: AT });
  await store.practice.thanks.create({ id: 't1', from: ids[1]!, to: ids[0]!, text: 'Thanks for the help.', at: AT, localDate: '2026-03-02' });
  // Handled platform events (a retry after the move must still be recognised) and a message not yet sent.
  await store.events.claim('slack:Ev0001', new Date(AT));
  await store.events.claim('slack:Ev0002', new Date(AT));
  await store.outbox.enqueue({ key: 'mentor-intro:m1:U2', recipients: [ids[2]!], reply: { text: 'Meet your mentor', blocks: [{ type: 'text', text: 'Meet your mentor' }] } }, new Date(AT));
}

/** The week a removed team published, kept only in the workspace's digest ledger. */
export const REMOVED_TEAM_WEEK = '2026-02-16';
