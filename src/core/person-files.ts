import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Files made for one person on this machine (the shell's saved exports and charts). They live in one
 * folder per person under the data directory, so erasing a person can remove them all.
 */
export function personFilesDir(dataDir: string, personId: string): string {
  // An address whose workspace is its platform (shell:alice) keeps the folder name people already
  // know: data/shell-files/alice. Others (platform:workspace:person) use the whole address.
  const parts = personId.split(':');
  const name = parts.length === 2 ? parts[1]! : personId;
  return path.join(dataDir, 'shell-files', name.replace(/[^\p{L}\p{N}._-]/gu, '_'));
}

/** Saves a file for the person (readable by the owner only) and returns its path. */
export async function savePersonFile(dataDir: string, personId: string, filename: string, data: Uint8Array): Promise<string> {
  const dir = personFilesDir(dataDir, personId);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, path.basename(filename));
  await writeFile(file, data, { mode: 0o600 });
  return file;
}

/** Removes every file made for the person; nothing there is not an error. */
export async function erasePersonFiles(dataDir: string, personId: string): Promise<void> {
  await rm(personFilesDir(dataDir, personId), { recursive: true, force: true });
}
