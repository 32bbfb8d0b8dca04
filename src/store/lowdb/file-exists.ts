import { stat } from 'node:fs/promises';

/** Whether a file or folder is there (any error reading it counts as not there). */
export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
