import { answerOf, type MonthLogLine } from './month-log.js';

/** An answer durable in the store's answer log and not yet in its month's files. */
export interface PendingAnswer {
  generation: number;
  line: MonthLogLine;
}

const monthKey = (personId: string, month: string) => JSON.stringify([personId, month]);

/**
 * The answers of the answer log (answer-log.ts) not yet copied into their months, by person and month:
 * every read of a month adds them to what its files hold, so an answer is visible as soon as it is
 * acknowledged. Bounded by the log's checkpoint, which copies them and forgets them.
 */
export class PendingAnswers {
  private readonly byMonth = new Map<string, PendingAnswer[]>();
  private readonly monthsByPerson = new Map<string, Set<string>>();
  private count = 0;

  add(answer: PendingAnswer): void {
    const record = answerOf(answer.line);
    const month = record.localDate.slice(0, 7);
    const key = monthKey(record.personId, month);
    const list = this.byMonth.get(key);
    if (list) list.push(answer);
    else this.byMonth.set(key, [answer]);
    let months = this.monthsByPerson.get(record.personId);
    if (!months) this.monthsByPerson.set(record.personId, (months = new Set()));
    months.add(month);
    this.count++;
  }

  of(personId: string, month: string): readonly PendingAnswer[] {
    return this.byMonth.get(monthKey(personId, month)) ?? [];
  }

  monthsOf(personId: string): Iterable<string> {
    return this.monthsByPerson.get(personId) ?? [];
  }

  /** Every [personId, month] with answers pending. */
  months(): Array<[string, string]> {
    return [...this.byMonth.keys()].map((k) => JSON.parse(k) as [string, string]);
  }

  /** Forgets answers once their month's files hold them. */
  remove(personId: string, month: string, done: readonly PendingAnswer[]): void {
    const key = monthKey(personId, month);
    const left = (this.byMonth.get(key) ?? []).filter((a) => !done.includes(a));
    this.count -= (this.byMonth.get(key)?.length ?? 0) - left.length;
    if (left.length) {
      this.byMonth.set(key, left);
      return;
    }
    this.byMonth.delete(key);
    const months = this.monthsByPerson.get(personId);
    months?.delete(month);
    if (months?.size === 0) this.monthsByPerson.delete(personId);
  }

  /** Whether any answer pending is in a generation older than `generation`. */
  anyBelow(generation: number): boolean {
    for (const list of this.byMonth.values()) if (list.some((a) => a.generation < generation)) return true;
    return false;
  }

  get size(): number {
    return this.count;
  }
}
