import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Who has nudge state on disk (the lowdb layout keeps it with each person, in people/<shard>.json). */
export async function personIdsWithStoredNudges(dataDir: string): Promise<string[]> {
  const dir = path.join(dataDir, 'people');
  const ids: string[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json'))) {
    const shard = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as { nudges?: Record<string, unknown> };
    ids.push(...Object.keys(shard.nudges ?? {}));
  }
  return ids.sort();
}
