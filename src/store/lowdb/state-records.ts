import type { ZodType } from 'zod';
import type { Change, Created } from '../../core/store/index.js';
import { clone, type LowdbEngine } from './engine.js';
import type { State } from './state-schema.js';

/** Picks one keyed collection out of state.json. */
export type Keyed<T> = (s: State) => Record<string, T>;

/** Copies of a collection's records, in key order. */
export const byKey = <T>(map: Record<string, T>): T[] =>
  Object.keys(map)
    .sort()
    .map((k) => clone(map[k]!));

/** Whether a record has every field the query gives (undefined fields match anything). */
export const fits = (record: object, query: object | undefined): boolean =>
  !query || Object.entries(query).every(([k, v]) => v === undefined || (record as Record<string, unknown>)[k] === v);

/** Keyed records kept in state.json: get, create-if-absent, update-by-function and remove, each one write of the file. */
export class StateRecords {
  constructor(private readonly engine: LowdbEngine) {}

  get state(): State {
    return this.engine.state.data;
  }

  get<T>(pick: Keyed<T>, id: string): T | undefined {
    const found = pick(this.state)[id];
    return found === undefined ? undefined : clone(found);
  }

  async create<T>(pick: Keyed<T>, id: string, record: T, schema: ZodType<T>): Promise<Created<T>> {
    const valid = schema.parse(record);
    return this.engine.mutate(this.engine.state, (s) => {
      const map = pick(s);
      const existing = map[id];
      if (existing !== undefined) return { record: clone(existing), created: false };
      map[id] = valid;
      return { record: clone(valid), created: true };
    });
  }

  async update<T>(pick: Keyed<T>, id: string, change: Change<T>, schema: ZodType<T>, keep?: (current: T, next: T) => T): Promise<T | undefined> {
    const current = pick(this.state)[id];
    if (current === undefined) return undefined;
    const copy = clone(current);
    const proposed = change(copy);
    if (proposed === copy) return clone(current);
    const next = schema.parse(keep ? keep(current, proposed) : proposed);
    // Validation above and the assignment below are synchronous with the read: nothing interleaves.
    return this.engine.mutate(this.engine.state, (s) => {
      pick(s)[id] = next;
      return clone(next);
    });
  }

  async remove<T>(pick: Keyed<T>, id: string): Promise<boolean> {
    if (pick(this.state)[id] === undefined) return false;
    return this.engine.mutate(this.engine.state, (s) => {
      delete pick(s)[id];
      return true;
    });
  }
}
