import { copyFile, readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { NudgeStateSchema, type NudgeState } from '../../core/model/nudges.js';
import { PersonSchema, type Person } from '../../core/model/person.js';
import { DurableJsonFile, mkdirDurable, type DurableJsonFileOptions } from './durable-json-file.js';
import { JsonDocument } from './json-document.js';
import type { State } from './state-schema.js';
import { exists } from './file-exists.js';

/** people/<shard>.json: the people, drafts and nudge state of the persons hashed to this shard. */
export const PersonShardSchema = z.object({
  version: z.literal(1),
  shard: z.number().int().min(0),
  people: z.record(z.string(), PersonSchema).default({}),
  drafts: z.record(z.string(), z.record(z.string(), z.object({ expiresAt: z.string(), data: z.unknown() }))).default({}),
  nudges: z.record(z.string(), NudgeStateSchema).default({}),
});
export type PersonShard = z.infer<typeof PersonShardSchema>;
type Draft = PersonShard['drafts'][string][string];

/**
 * 256 shards: a write rewrites one shard (about 80 people at 20,000), so a person's write costs the
 * same at 50 people and at 20,000; all shards are read at open (small state stays in memory).
 */
export const PERSON_SHARDS = 256;

export function personShard(personId: string): number {
  return createHash('sha1').update(personId).digest().readUInt16BE(0) % PERSON_SHARDS;
}

export const personShardFile = (dataDir: string, shard: number) => path.join(dataDir, 'people', `${shard.toString(16).padStart(2, '0')}.json`);

/** People and their per-person state, partitioned by person. Reads are in memory; each write is durable before it resolves. */
export class PersonShards {
  private constructor(private readonly docs: JsonDocument<PersonShard>[]) {}

  static async open(dataDir: string, fileOptions: DurableJsonFileOptions): Promise<PersonShards> {
    await mkdirDurable(path.join(dataDir, 'people'));
    const docs = await Promise.all(
      Array.from({ length: PERSON_SHARDS }, (_, shard) =>
        JsonDocument.open(new DurableJsonFile(personShardFile(dataDir, shard), PersonShardSchema, fileOptions), () => ({ version: 1 as const, shard, people: {}, drafts: {}, nudges: {} })),
      ),
    );
    return new PersonShards(docs);
  }

  /** The shard document holding this person (for an engine that applies its own write path, e.g. a transaction). */
  doc(personId: string): JsonDocument<PersonShard> {
    return this.docs[personShard(personId)]!;
  }

  person(id: string): Person | undefined {
    return this.doc(id).data.people[id];
  }

  people(workspace?: string): Person[] {
    const out: Person[] = [];
    for (const doc of this.docs) for (const p of Object.values(doc.data.people)) if (!workspace || p.workspace === workspace) out.push(p);
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async savePerson(person: Person): Promise<void> {
    await this.doc(person.id).update((s) => {
      s.people[person.id] = person;
    });
  }

  draft(personId: string, purpose: string): Draft | undefined {
    return this.doc(personId).data.drafts[personId]?.[purpose];
  }

  drafts(personId: string): Record<string, Draft> | undefined {
    return this.doc(personId).data.drafts[personId];
  }

  async setDraft(personId: string, purpose: string, draft: Draft): Promise<void> {
    await this.doc(personId).update((s) => {
      (s.drafts[personId] ??= {})[purpose] = draft;
    });
  }

  async clearDraft(personId: string, purpose: string): Promise<void> {
    if (!this.draft(personId, purpose)) return;
    await this.doc(personId).update((s) => {
      delete s.drafts[personId]?.[purpose];
      if (s.drafts[personId] && Object.keys(s.drafts[personId]).length === 0) delete s.drafts[personId];
    });
  }

  nudgeState(personId: string): NudgeState | undefined {
    return this.doc(personId).data.nudges[personId];
  }

  async saveNudgeState(personId: string, state: NudgeState): Promise<void> {
    await this.doc(personId).update((s) => {
      s.nudges[personId] = state;
    });
  }

  /** Removes the person, their drafts and nudge state. */
  async remove(personId: string): Promise<void> {
    await this.doc(personId).update((s) => {
      delete s.people[personId];
      delete s.drafts[personId];
      delete s.nudges[personId];
    });
  }

  loaded(): JsonDocument<PersonShard>[] {
    return this.docs;
  }

  /**
   * Moves people, drafts and nudge state out of an older state.json into the shards. Runs at open
   * before anything is served; idempotent (a state.json entry overwrites the shard's copy, which is the
   * same record), so a crash half-way simply runs it again. The caller then rewrites state.json without them.
   */
  async adoptFrom(state: State, backup: { from: string; to: string }): Promise<boolean> {
    const ids = new Set([...Object.keys(state.people), ...Object.keys(state.drafts), ...Object.keys(state.nudges.people)]);
    if (ids.size === 0) return false;
    // The backup is the state.json as the older version left it: copied once, never overwritten.
    if (!(await exists(backup.to))) await copyFile(backup.from, backup.to);
    const byShard = new Map<number, string[]>();
    for (const id of ids) byShard.set(personShard(id), [...(byShard.get(personShard(id)) ?? []), id]);
    await Promise.all(
      [...byShard].map(([shard, members]) =>
        this.docs[shard]!.update((s) => {
          for (const id of members) {
            if (state.people[id]) s.people[id] = state.people[id];
            if (state.drafts[id]) s.drafts[id] = state.drafts[id];
            if (state.nudges.people[id]) s.nudges[id] = state.nudges.people[id];
          }
        }),
      ),
    );
    return true;
  }
}

/**
 * `privacy delete` must leave nothing: the migration's backup of the older state.json still names the
 * person, so they are taken out of it too (rewritten durably; left alone when there is no backup).
 */
export async function scrubBackup(file: string, personId: string, write: (file: string, body: string) => Promise<void>): Promise<void> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    return;
  }
  // Parsed (2 MB at 5,000 people) and rewritten only when it names the person.
  if (!raw.includes(JSON.stringify(personId).slice(1, -1))) return;
  const old = JSON.parse(raw) as {
    people?: Record<string, unknown>;
    drafts?: Record<string, unknown>;
    nudges?: { people?: Record<string, unknown> };
    teams?: Record<string, { members?: Array<{ personId: string }>; leads?: string[] }>;
  };
  delete old.people?.[personId];
  delete old.drafts?.[personId];
  delete old.nudges?.people?.[personId];
  for (const team of Object.values(old.teams ?? {})) {
    if (team.members) team.members = team.members.filter((m) => m.personId !== personId);
    if (team.leads) team.leads = team.leads.filter((l) => l !== personId);
  }
  await write(file, JSON.stringify(old, null, 2));
}
