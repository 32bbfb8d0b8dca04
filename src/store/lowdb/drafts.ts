import type { DraftsRepository } from '../../core/store/index.js';
import { clone, type LowdbEngine } from './engine.js';

/** Drafts live in the person's shard: a write rewrites one small file. */
export class LowdbDrafts implements DraftsRepository {
  constructor(private readonly engine: LowdbEngine) {}

  async get<T>(personId: string, purpose: string, now: Date): Promise<T | undefined> {
    const entry = this.engine.persons.doc(personId).data.drafts[personId]?.[purpose];
    if (!entry || new Date(entry.expiresAt) <= now) return undefined;
    return clone(entry.data) as T;
  }

  async set(personId: string, purpose: string, data: unknown, expiresAt: Date): Promise<void> {
    const copy = clone(data);
    await this.engine.mutate(this.engine.persons.doc(personId), (s) => {
      (s.drafts[personId] ??= {})[purpose] = { expiresAt: expiresAt.toISOString(), data: copy };
    });
  }

  async clear(personId: string, purpose: string): Promise<void> {
    const doc = this.engine.persons.doc(personId);
    if (!doc.data.drafts[personId]?.[purpose]) return;
    await this.engine.mutate(doc, (s) => {
      delete s.drafts[personId]?.[purpose];
      if (s.drafts[personId] && Object.keys(s.drafts[personId]).length === 0) delete s.drafts[personId];
    });
  }
}
