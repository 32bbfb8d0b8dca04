import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { DigestWeekSchema } from '../../core/model/digest-week.js';
import { TeamSchema, type Team } from '../../core/model/index.js';
import { DurableJsonFile, mkdirDurable, type DurableJsonFileOptions } from './durable-json-file.js';
import { JsonDocument } from './json-document.js';

/** teams/<shard>.json: the teams hashed to this shard, and each one's frozen digest weeks (they go together). */
export const TeamShardSchema = z.object({
  version: z.literal(1),
  shard: z.number().int().min(0),
  teams: z.record(z.string(), TeamSchema).default({}),
  /** By team id, then week start: the weeks a digest froze (at most DIGEST_WEEKS_KEPT a team). */
  weeks: z.record(z.string(), z.record(z.string(), DigestWeekSchema)).default({}),
});
export type TeamShard = z.infer<typeof TeamShardSchema>;

/** 64 shards: a team's write rewrites one small file (about 8 teams at 500), whatever the workspace's size. */
export const TEAM_SHARDS = 64;

export function teamShard(teamId: string): number {
  return createHash('sha1').update(teamId).digest().readUInt16BE(0) % TEAM_SHARDS;
}

export const teamShardFile = (dataDir: string, shard: number) => path.join(dataDir, 'teams', `${shard.toString(16).padStart(2, '0')}.json`);

/** Teams and their frozen digest weeks, partitioned by team; all read at open (small), each write one shard. */
export class TeamShards {
  private constructor(private readonly docs: JsonDocument<TeamShard>[]) {}

  static async open(dataDir: string, fileOptions: DurableJsonFileOptions): Promise<TeamShards> {
    await mkdirDurable(path.join(dataDir, 'teams'));
    const docs = await Promise.all(
      Array.from({ length: TEAM_SHARDS }, (_, shard) =>
        JsonDocument.open(new DurableJsonFile(teamShardFile(dataDir, shard), TeamShardSchema, fileOptions), () => ({ version: 1 as const, shard, teams: {}, weeks: {} })),
      ),
    );
    return new TeamShards(docs);
  }

  doc(teamId: string): JsonDocument<TeamShard> {
    return this.docs[teamShard(teamId)]!;
  }

  team(id: string): Team | undefined {
    return this.doc(id).data.teams[id];
  }

  /** Every team (or a workspace's), in id order. */
  teams(workspace?: string): Team[] {
    return this.matching((t) => !workspace || t.workspace === workspace);
  }

  /** The teams (live objects, in id order) for which `keep` holds. */
  matching(keep: (team: Team) => boolean): Team[] {
    const out: Team[] = [];
    for (const doc of this.docs) for (const t of Object.values(doc.data.teams)) if (keep(t)) out.push(t);
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  loaded(): JsonDocument<TeamShard>[] {
    return this.docs;
  }
}
