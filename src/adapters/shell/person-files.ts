import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PersonFiles } from '../../core/person-files.js';

/** One folder per person under the data directory: data/shell-files/<handle>. */
export function personFilesDir(dataDir: string, personId: string): string {
  // shell:alice keeps the folder name people already know: data/shell-files/alice.
  const name = personId.startsWith('shell:') ? personId.slice('shell:'.length) : personId;
  return path.join(dataDir, 'shell-files', name.replace(/[^\p{L}\p{N}._-]/gu, '_'));
}

/** The shell's saved files on this machine's disk. */
export function diskPersonFiles(dataDir: string): PersonFiles {
  return {
    async save(personId, filename, data) {
      const dir = personFilesDir(dataDir, personId);
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, path.basename(filename));
      await writeFile(file, data, { mode: 0o600 });
      return file;
    },
    async erase(personId) {
      await rm(personFilesDir(dataDir, personId), { recursive: true, force: true });
    },
  };
}
