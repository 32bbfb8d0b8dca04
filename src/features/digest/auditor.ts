import { ledgerId, type PublishedQuery } from '../../core/model/digest-ledger.js';
import { SpanBasis } from './audit.js';

type Space = PublishedQuery['space'];

/**
 * The audit of one workspace's week: what was already published (from the ledger) plus what this
 * freeze has admitted so far. People are held only as opaque ledger ids.
 */
export class WeekAuditor {
  private readonly spans: Record<Space, SpanBasis> = { answers: new SpanBasis(), participation: new SpanBasis(), practice: new SpanBasis(), thanks: new SpanBasis() };
  private readonly isolated: Record<Space, Set<string>>;
  /** Admitted by this freeze, to be written to the ledger with the frozen weeks. */
  readonly admitted: PublishedQuery[] = [];

  constructor(
    private readonly workspace: string,
    ledger: readonly PublishedQuery[],
  ) {
    for (const q of ledger) this.spans[q.space] = this.spans[q.space].with(q.people);
    this.isolated = {
      answers: this.spans.answers.isolated(),
      participation: this.spans.participation.isolated(),
      practice: this.spans.practice.isolated(),
      thanks: this.spans.thanks.isolated(),
    };
  }

  /**
   * Admits a query (and records it) when, with everything published, no linear combination isolates
   * anyone who was not isolated already (an older ledger may; that must not block everything after it);
   * otherwise it is refused and nothing is recorded.
   */
  admit(space: Space, key: string, people: Iterable<string>): boolean {
    const ids = [...new Set([...people].map((p) => ledgerId(this.workspace, p)))].sort();
    const next = this.spans[space].with(ids);
    const after = next.isolated();
    for (const p of after) if (!this.isolated[space].has(p)) return false;
    this.spans[space] = next;
    this.isolated[space] = after;
    this.admitted.push({ key, space, people: ids });
    return true;
  }
}
