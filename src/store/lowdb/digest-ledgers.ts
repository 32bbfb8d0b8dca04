import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { PublishedQuerySchema } from '../../core/model/digest-ledger.js';
import { DocumentCache } from './document-cache.js';
import type { LowdbEngine } from './engine.js';
import type { JsonDocument } from './json-document.js';
import { personFolder } from './paths.js';

/** digest/ledger/<workspace>.json: what a workspace's digests published, by week start (the latest DIGEST_WEEKS_KEPT weeks). */
export const DigestLedgerFileSchema = z.object({
  version: z.literal(1),
  workspace: z.string(),
  weeks: z.record(z.string(), z.array(PublishedQuerySchema)).default({}),
});
export type DigestLedgerFile = z.infer<typeof DigestLedgerFileSchema>;

export const digestLedgerRoot = (dataDir: string) => path.join(dataDir, 'digest', 'ledger');

/** Each workspace's published digest ledger in its own file: bounded, and out of state.json. */
export class DigestLedgers {
  private readonly docs: DocumentCache<DigestLedgerFile>;

  constructor(private readonly engine: LowdbEngine) {
    this.docs = new DocumentCache(1000, (workspace) =>
      engine.openDoc(path.join(digestLedgerRoot(engine.dataDir), `${personFolder(workspace)}.json`), DigestLedgerFileSchema, () => ({ version: 1 as const, workspace, weeks: {} })),
    );
    engine.hold(this.docs);
  }

  doc(workspace: string): Promise<JsonDocument<DigestLedgerFile>> {
    return this.docs.get(workspace);
  }

  /** Every workspace's ledger (an erasure must reach them all). */
  async all(): Promise<JsonDocument<DigestLedgerFile>[]> {
    const names = (await readdir(digestLedgerRoot(this.engine.dataDir)).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
    const docs: JsonDocument<DigestLedgerFile>[] = [];
    for (const name of names) {
      const raw = await this.engine.openDoc(path.join(digestLedgerRoot(this.engine.dataDir), name), DigestLedgerFileSchema, () => ({ version: 1 as const, workspace: '', weeks: {} }));
      // Through the cache, so a write in progress on the same file is the one changed.
      docs.push(await this.docs.get(raw.data.workspace));
    }
    return docs;
  }
}
