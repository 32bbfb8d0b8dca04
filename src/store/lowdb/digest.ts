import { randomUUID } from 'node:crypto';
import { DigestWeekSchema, type DigestWeek } from '../../core/model/digest-week.js';
import { ledgerId, PublishedQuerySchema, type PublishedQuery } from '../../core/model/digest-ledger.js';
import type { LocalDate } from '../../core/time.js';
import { DIGEST_WEEKS_KEPT, type DigestRepository } from '../../core/store/index.js';
import type { DigestLedgers } from './digest-ledgers.js';
import { clone, type LowdbEngine } from './engine.js';
import type { TeamShards } from './team-shards.js';

/** Keeps the latest `count` keys of a record. */
function keepLatest(record: Record<string, unknown>, count: number): void {
  const keys = Object.keys(record).sort();
  for (const old of keys.slice(0, Math.max(0, keys.length - count))) delete record[old];
}

/** Each team's frozen digest weeks (with the team, in its shard) and each workspace's published ledger (its own file). */
export class LowdbDigest implements DigestRepository {
  constructor(
    private readonly engine: LowdbEngine,
    private readonly teams: TeamShards,
    private readonly ledgers: DigestLedgers,
  ) {}

  async weeks(teamId: string): Promise<Record<string, DigestWeek>> {
    return clone(this.teams.doc(teamId).data.weeks[teamId] ?? {});
  }

  /** Several files (the teams' shards, the workspace's ledger): run it inside a transaction. */
  async freeze(entries: ReadonlyArray<{ teamId: string; week: DigestWeek; published?: { workspace: string; queries: PublishedQuery[] } }>): Promise<void> {
    const valid = entries.map((e) => ({
      teamId: e.teamId,
      week: DigestWeekSchema.parse(e.week),
      ...(e.published ? { published: { workspace: e.published.workspace, queries: e.published.queries.map((q) => PublishedQuerySchema.parse(q)) } } : {}),
    }));
    for (const { teamId, week, published } of valid) {
      const fresh = await this.engine.mutate(this.teams.doc(teamId), (s) => {
        const weeks = (s.weeks[teamId] ??= {});
        const isNew = !weeks[week.from];
        weeks[week.from] ??= week;
        keepLatest(weeks, DIGEST_WEEKS_KEPT);
        return isNew;
      });
      // Only the write that froze the week records what it published (first write wins, like the week).
      if (fresh && published && published.queries.length) {
        await this.engine.mutate(await this.ledgers.doc(published.workspace), (l) => {
          (l.weeks[week.from] ??= []).push(...published.queries);
          keepLatest(l.weeks, DIGEST_WEEKS_KEPT);
        });
      }
    }
  }

  async ledger(workspace: string, week: LocalDate): Promise<PublishedQuery[]> {
    return clone((await this.ledgers.doc(workspace)).data.weeks[week] ?? []);
  }

  async ledgerWeeks(): Promise<Array<{ workspace: string; week: LocalDate }>> {
    const out = (await this.ledgers.all()).flatMap((doc) => Object.keys(doc.data.weeks).map((week) => ({ workspace: doc.data.workspace, week: week as LocalDate })));
    return out.sort((a, b) => a.week.localeCompare(b.week) || a.workspace.localeCompare(b.workspace));
  }

  async restoreLedger(workspace: string, week: LocalDate, queries: PublishedQuery[]): Promise<void> {
    const valid = queries.map((q) => PublishedQuerySchema.parse(q));
    if (valid.length === 0) return;
    await this.engine.mutate(await this.ledgers.doc(workspace), (l) => {
      (l.weeks[week] ??= []).push(...valid);
    });
  }

  /** The published ledger keeps its shape (what was published stays published) but no longer points at the person (part of an erasure). */
  async erase(personId: string): Promise<void> {
    for (const doc of await this.ledgers.all()) {
      const id = ledgerId(doc.data.workspace, personId);
      if (!Object.values(doc.data.weeks).some((qs) => qs.some((q) => q.people.includes(id)))) continue;
      const token = `erased-${randomUUID()}`;
      await this.engine.mutate(doc, (l) => {
        for (const queries of Object.values(l.weeks)) for (const q of queries) q.people = q.people.map((p) => (p === id ? token : p));
      });
    }
  }
}
