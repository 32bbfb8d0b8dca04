import { randomUUID } from 'node:crypto';
import { DigestWeekSchema, type DigestWeek } from '../../core/model/digest-week.js';
import { ledgerId, PublishedQuerySchema, type PublishedQuery } from '../../core/model/digest-ledger.js';
import type { LocalDate } from '../../core/time.js';
import { DIGEST_WEEKS_KEPT, type DigestRepository } from '../../core/store/index.js';
import { clone, type LowdbEngine } from './engine.js';

/** Each team's frozen digest weeks and each workspace's published ledger, in state.json. */
export class LowdbDigest implements DigestRepository {
  constructor(private readonly engine: LowdbEngine) {}

  async weeks(teamId: string): Promise<Record<string, DigestWeek>> {
    return clone(this.engine.state.data.digestWeeks[teamId] ?? {});
  }

  async freeze(entries: ReadonlyArray<{ teamId: string; week: DigestWeek; published?: { workspace: string; queries: PublishedQuery[] } }>): Promise<void> {
    const valid = entries.map((e) => ({
      teamId: e.teamId,
      week: DigestWeekSchema.parse(e.week),
      ...(e.published ? { published: { workspace: e.published.workspace, queries: e.published.queries.map((q) => PublishedQuerySchema.parse(q)) } } : {}),
    }));
    if (valid.length === 0) return;
    await this.engine.mutate(this.engine.state, (s) => {
      for (const { teamId, week, published } of valid) {
        const weeks = (s.digestWeeks[teamId] ??= {});
        const fresh = !weeks[week.from];
        weeks[week.from] ??= week;
        // state.json is rewritten on every small-state write: keep only the weeks a digest can still show.
        const keys = Object.keys(weeks).sort();
        for (const old of keys.slice(0, Math.max(0, keys.length - DIGEST_WEEKS_KEPT))) delete weeks[old];
        // Only the write that froze the week records what it published (first write wins, like the week).
        if (fresh && published && published.queries.length) {
          const ledger = (s.digestLedger[published.workspace] ??= {});
          (ledger[week.from] ??= []).push(...published.queries);
          const dates = Object.keys(ledger).sort();
          for (const old of dates.slice(0, Math.max(0, dates.length - DIGEST_WEEKS_KEPT))) delete ledger[old];
        }
      }
    });
  }

  async ledger(workspace: string, week: LocalDate): Promise<PublishedQuery[]> {
    return clone(this.engine.state.data.digestLedger[workspace]?.[week] ?? []);
  }

  async ledgerWeeks(): Promise<Array<{ workspace: string; week: LocalDate }>> {
    const out = Object.entries(this.engine.state.data.digestLedger).flatMap(([workspace, weeks]) => Object.keys(weeks).map((week) => ({ workspace, week: week as LocalDate })));
    return out.sort((a, b) => a.week.localeCompare(b.week) || a.workspace.localeCompare(b.workspace));
  }

  async restoreLedger(workspace: string, week: LocalDate, queries: PublishedQuery[]): Promise<void> {
    const valid = queries.map((q) => PublishedQuerySchema.parse(q));
    if (valid.length === 0) return;
    await this.engine.mutate(this.engine.state, (s) => {
      ((s.digestLedger[workspace] ??= {})[week] ??= []).push(...valid);
    });
  }

  /** The published ledger keeps its shape (what was published stays published) but no longer points at the person (part of an erasure). */
  async erase(personId: string): Promise<void> {
    await this.engine.mutate(this.engine.state, (s) => {
      for (const [workspace, weeks] of Object.entries(s.digestLedger)) {
        const id = ledgerId(workspace, personId);
        const token = `erased-${randomUUID()}`;
        for (const queries of Object.values(weeks)) for (const q of queries) q.people = q.people.map((p) => (p === id ? token : p));
      }
    });
  }
}
