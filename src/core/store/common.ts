import type { LocalDate } from '../time.js';

/** An inclusive range of local dates. */
export interface DateRange {
  from: LocalDate;
  to: LocalDate;
}

/**
 * The outcome of a create-if-absent. `created` is false when a record with the same key already
 * existed: nothing was written and `record` is the stored one (SQL: INSERT ... ON CONFLICT DO NOTHING).
 */
export interface Created<T> {
  record: T;
  created: boolean;
}

/**
 * An update-by-function: gets a copy of the current record and returns the next one. It may run more
 * than once (an engine may retry on conflict), so it must be pure: no I/O, no side effects. Throwing in
 * it changes nothing and the error reaches the caller. Returning `current` itself writes nothing.
 * The record's key (its id; a profile's person id) stays the stored one whatever the change returns.
 */
export type Change<T> = (current: T) => T;
