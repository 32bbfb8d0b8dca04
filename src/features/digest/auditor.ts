import { ledgerId, type PublishedQuery } from '../../core/model/digest-ledger.js';
import { isolatedPeople } from './audit.js';

type Space = PublishedQuery['space'];

/**
 * The audit of one workspace's week: what was already published (from the ledger) plus what this
 * freeze has admitted so far. People are held only as opaque ledger ids.
 */
export class WeekAuditor {
  private readonly queries: Record<Space, string[][]> = { answers: [], participation: [] };
  private readonly isolated: Record<Space, Set<string>>;
  /** Admitted by this freeze, to be written to the ledger with the frozen weeks. */
  readonly admitted: PublishedQuery[] = [];

  constructor(
    private readonly workspace: string,
    ledger: readonly PublishedQuery[],
  ) {
    for (const q of ledger) this.queries[q.space].push(q.people);
    this.isolated = { answers: isolatedPeople(this.queries.answers), participation: isolatedPeople(this.queries.participation) };
  }

  /**
   * Admits a query (and records it) when, with everything published, no linear combination isolates
   * anyone who was not isolated already; otherwise it is refused and nothing is recorded.
   */
  admit(space: Space, key: string, people: Iterable<string>): boolean {
    const ids = [...new Set([...people].map((p) => ledgerId(this.workspace, p)))].sort();
    const after = isolatedPeople([...this.queries[space], ids]);
    for (const p of after) if (!this.isolated[space].has(p)) return false;
    this.queries[space].push(ids);
    this.isolated[space] = after;
    this.admitted.push({ key, space, people: ids });
    return true;
  }
}
