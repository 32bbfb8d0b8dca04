import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import type { DigestLedgers } from './digest-ledgers.js';
import { STATE_BACKUP, type LowdbEngine } from './engine.js';
import { teamShard, type TeamShards } from './team-shards.js';
import { exists } from './file-exists.js';

/**
 * Migration from the layout that kept teams, frozen digest weeks and the published digest ledger in
 * state.json (they grow with the workspace): they move to teams/<shard>.json and digest/ledger/, then
 * leave state.json. Runs at open before anything is served. A backup of the older state.json is kept
 * (never overwritten). Idempotent: a copy already moved is overwritten by the same record, so a crash
 * half-way simply runs it again.
 */
export async function moveTeamsOutOfState(engine: LowdbEngine, teams: TeamShards, ledgers: DigestLedgers): Promise<boolean> {
  const s = engine.state.data;
  if (!Object.keys(s.teams).length && !Object.keys(s.digestWeeks).length && !Object.keys(s.digestLedger).length) return false;
  const backup = path.join(engine.dataDir, STATE_BACKUP);
  if (!(await exists(backup))) await copyFile(engine.paths.state, backup);
  const byShard = new Map<number, string[]>();
  for (const id of new Set([...Object.keys(s.teams), ...Object.keys(s.digestWeeks)])) byShard.set(teamShard(id), [...(byShard.get(teamShard(id)) ?? []), id]);
  await Promise.all(
    [...byShard].map(([, ids]) =>
      teams.doc(ids[0]!).update((shard) => {
        for (const id of ids) {
          if (s.teams[id]) shard.teams[id] = s.teams[id];
          if (s.digestWeeks[id]) shard.weeks[id] = { ...shard.weeks[id], ...s.digestWeeks[id] };
        }
      }),
    ),
  );
  for (const [workspace, weeks] of Object.entries(s.digestLedger)) {
    await (await ledgers.doc(workspace)).update((l) => {
      Object.assign(l.weeks, weeks);
    });
  }
  await engine.state.update((st) => {
    st.teams = {};
    st.digestWeeks = {};
    st.digestLedger = {};
  });
  return true;
}
