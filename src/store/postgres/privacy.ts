import type { Delivery } from '../../core/model/delivery.js';
import type { CheckIn, Reflection, ServedPrompt } from '../../core/model/history.js';
import type { PeerPractice, PersonPracticeRecord, Thanks } from '../../core/model/practice.js';
import type { MentorInvitation, MentorMatch, MentorProfile, MentorRequest, PairPool, PairRound } from '../../core/model/mentoring.js';
import type { NudgeState } from '../../core/model/nudges.js';
import type { Person } from '../../core/model/person.js';
import type { Team } from '../../core/model/team.js';
import type { PersonalData, PrivacyRepository } from '../../core/store/index.js';
import { randomUUID } from 'node:crypto';
import { ledgerId, type PublishedQuery } from '../../core/model/digest-ledger.js';
import type { Executor } from './executor.js';
import { jsonb } from './keyed-table.js';

const involves = `(data->>'mentorId' = $1 OR data->>'menteeId' = $1)`;
/** Rounds whose groups hold the person: `groups` is an array of arrays of ids. */
const inRound = `EXISTS (SELECT 1 FROM jsonb_array_elements(data->'groups') g WHERE g ? $1)`;

async function all<T>(q: Executor, sql: string, personId: string): Promise<T[]> {
  return (await q.query<{ data: T }>(sql, [personId])).rows.map((r) => r.data);
}

/** Export reads one snapshot; erase is one transaction, so a failure half-way leaves everything as it was. */
export class PgPrivacy implements PrivacyRepository {
  constructor(private readonly db: Executor) {}

  exportPerson(personId: string): Promise<PersonalData | undefined> {
    return this.db.atomic(async (q) => {
      const [person] = await all<Person>(q, 'SELECT data FROM people WHERE id = $1', personId);
      if (!person) return undefined;
      const teams = await all<Team>(
        q,
        `SELECT data FROM teams WHERE data->'leads' ? $1 OR EXISTS (SELECT 1 FROM jsonb_array_elements(data->'members') m WHERE m->>'personId' = $1) ORDER BY id`,
        personId,
      );
      const nudges = await all<NudgeState>(q, 'SELECT data FROM nudge_states WHERE person_id = $1', personId);
      const drafts = (await q.query<{ purpose: string; expires_at: Date; data: unknown }>('SELECT purpose, expires_at, data FROM drafts WHERE person_id = $1 ORDER BY purpose', [personId])).rows;
      const pools = await all<PairPool>(q, `SELECT data FROM pair_pools WHERE data->'members' ? $1 ORDER BY id`, personId);
      const rounds = await all<PairRound>(q, `SELECT data FROM pair_rounds WHERE ${inRound} ORDER BY pool_id, slot`, personId);
      const [profile] = await all<MentorProfile>(q, 'SELECT data FROM mentor_profiles WHERE id = $1', personId);
      const practice = await all<PersonPracticeRecord>(q, 'SELECT data FROM practice_people WHERE id = $1', personId);
      return {
        person,
        teams: teams.map((t) => ({
          id: t.id,
          name: t.name,
          member: t.members.some((m) => m.personId === personId && !m.to),
          lead: t.leads.includes(personId),
        })),
        reflections: await all<Reflection>(q, 'SELECT data FROM reflections WHERE person_id = $1 ORDER BY at', personId),
        checkins: await all<CheckIn>(q, 'SELECT data FROM check_ins WHERE person_id = $1 ORDER BY at', personId),
        servedPrompts: await all<ServedPrompt>(q, 'SELECT data FROM served_prompts WHERE person_id = $1 ORDER BY at', personId),
        deliveries: await all<Delivery>(q, 'SELECT data FROM deliveries WHERE person_id = $1 ORDER BY local_date, job', personId),
        ...(nudges[0] ? { nudges: nudges[0] } : {}),
        // Pending answers and notices waiting for the person (a reflection awaiting "replace?", a Discord form).
        ...(drafts.length ? { pending: Object.fromEntries(drafts.map((d) => [d.purpose, { expiresAt: d.expires_at.toISOString(), data: d.data }])) } : {}),
        mentoring: {
          profile: profile ?? null,
          requests: await all<MentorRequest>(q, `SELECT data FROM mentor_requests WHERE data->>'personId' = $1 ORDER BY id`, personId),
          invitations: await all<MentorInvitation>(q, `SELECT data FROM mentor_invitations WHERE ${involves} ORDER BY id`, personId),
          matches: await all<MentorMatch>(q, `SELECT data FROM mentor_matches WHERE ${involves} ORDER BY id`, personId),
          pools: pools.map((p) => ({ poolId: p.id, ...p.members[personId] })),
          rounds: rounds.map((r) => ({
            poolId: r.poolId,
            slot: r.slot,
            with: r.groups.find((g) => g.includes(personId))!.filter((id) => id !== personId),
            ...(r.met[personId] ? { met: r.met[personId] } : {}),
          })),
        },
        practice: {
          sessions: practice[0]?.sessions ?? [],
          counts: practice[0]?.counts ?? {},
          peerSessions: await all<PeerPractice>(q, `SELECT data FROM practice_peers WHERE data->'people' ? $1 ORDER BY id`, personId),
          thanksSent: await all<Thanks>(q, 'SELECT data FROM practice_thanks WHERE from_id = $1 ORDER BY id', personId),
          // The words of a thank-you received are the sender's: only when it came.
          thanksReceived: (await all<Thanks>(q, 'SELECT data FROM practice_thanks WHERE to_id = $1 ORDER BY id', personId)).map((t) => ({ at: t.at, localDate: t.localDate })),
        },
      };
    }, 'SERIALIZABLE');
  }

  erasePerson(personId: string): Promise<void> {
    return this.db.atomic(async (q) => {
      for (const table of ['reflections', 'check_ins', 'served_prompts', 'deliveries', 'drafts', 'nudge_states']) {
        await q.query(`DELETE FROM ${table} WHERE person_id = $1`, [personId]);
      }
      await q.fault('erase:history');
      // Messages not yet sent to (or about, in a group) them; sent ones keep no content (see outbox.ts).
      await q.query('DELETE FROM outbox WHERE done_at IS NULL AND $1 = ANY(recipients)', [personId]);
      await q.query('DELETE FROM mentor_profiles WHERE id = $1', [personId]);
      await q.query(`DELETE FROM mentor_requests WHERE data->>'personId' = $1`, [personId]);
      await q.query(`DELETE FROM mentor_invitations WHERE ${involves}`, [personId]);
      await q.query(`DELETE FROM mentor_matches WHERE ${involves}`, [personId]);
      for (const r of await all<MentorRequest>(q, `SELECT data FROM mentor_requests WHERE data->'tried' ? $1 FOR UPDATE`, personId)) {
        await q.query('UPDATE mentor_requests SET data = $2::jsonb WHERE id = $1', [r.id, jsonb({ ...r, tried: r.tried.filter((t) => t !== personId) })]);
      }
      await q.fault('erase:mentoring');
      await q.query('DELETE FROM practice_people WHERE id = $1', [personId]);
      await q.query(`DELETE FROM practice_peers WHERE data->'people' ? $1`, [personId]);
      await q.query('DELETE FROM practice_thanks WHERE from_id = $1', [personId]);
      for (const t of await all<Thanks>(q, 'SELECT data FROM practice_thanks WHERE to_id = $1 FOR UPDATE', personId)) {
        const kept: Thanks = { ...t };
        delete kept.to;
        await q.query('UPDATE practice_thanks SET to_id = NULL, data = $2::jsonb WHERE id = $1', [t.id, jsonb(kept)]);
      }
      for (const p of await all<PairPool>(q, `SELECT data FROM pair_pools WHERE data->'members' ? $1 FOR UPDATE`, personId)) {
        const members = { ...p.members };
        delete members[personId];
        await q.query('UPDATE pair_pools SET data = $2::jsonb WHERE id = $1', [p.id, jsonb({ ...p, members })]);
      }
      for (const r of await all<PairRound>(q, `SELECT data FROM pair_rounds WHERE ${inRound} FOR UPDATE`, personId)) {
        const met = { ...r.met };
        delete met[personId];
        const groups = r.groups.map((g) => g.filter((id) => id !== personId)).filter((g) => g.length > 0);
        await q.query('UPDATE pair_rounds SET data = $3::jsonb WHERE pool_id = $1 AND slot = $2', [r.poolId, r.slot, jsonb({ ...r, groups, met })]);
      }
      await q.fault('erase:pairing');
      const teams = await all<Team>(
        q,
        `SELECT data FROM teams WHERE data->'leads' ? $1 OR EXISTS (SELECT 1 FROM jsonb_array_elements(data->'members') m WHERE m->>'personId' = $1) FOR UPDATE`,
        personId,
      );
      for (const t of teams) {
        const next = { ...t, members: t.members.filter((m) => m.personId !== personId), leads: t.leads.filter((l) => l !== personId) };
        await q.query('UPDATE teams SET data = $2::jsonb WHERE id = $1', [t.id, jsonb(next)]);
      }
      // The digest ledger keeps its shape (what was published stays published) but no longer points at the person.
      const { rows: spaces } = await q.query<{ workspace: string }>('SELECT DISTINCT workspace FROM digest_ledger');
      for (const { workspace } of spaces) {
        const id = ledgerId(workspace, personId);
        const token = `erased-${randomUUID()}`;
        const { rows } = await q.query<{ seq: string; data: PublishedQuery }>('SELECT seq, data FROM digest_ledger WHERE workspace = $1 AND data->\'people\' ? $2 FOR UPDATE', [workspace, id]);
        for (const r of rows) {
          await q.query('UPDATE digest_ledger SET data = $2::jsonb WHERE seq = $1', [r.seq, jsonb({ ...r.data, people: r.data.people.map((p) => (p === id ? token : p)) })]);
        }
      }
      await q.query('DELETE FROM people WHERE id = $1', [personId]);
    }, 'SERIALIZABLE');
  }
}
