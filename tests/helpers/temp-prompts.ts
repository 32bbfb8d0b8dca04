import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { defaultPromptsDir } from '../../src/content/load-content.js';

/** A fresh copy of prompts/ per test, so a test can break one file; returns a getter for its path. */
export function useTempPromptsDir(): () => string {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'attune-prompts-'));
    await cp(defaultPromptsDir(), dir, { recursive: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}
