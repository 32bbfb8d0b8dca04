import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { ContentError } from './content-error.js';
import { CoachingFileSchema, type CoachingTip } from './coaching-tips.js';
import { CopyFileSchema, makeCopy, type Copy } from './copy.js';
import { ReflectionsFileSchema, type ReflectionPrompt } from './reflection-prompts.js';
import { projectRoot } from '../paths.js';

/** All wording, validated: prompts, bot copy, and each feature's library. */
export interface Content {
  reflections: ReflectionPrompt[];
  copy: Copy;
  /** Coaching tips for leads, by digest signal (prompts/coaching.json). */
  coaching: CoachingTip[];
}

export const defaultPromptsDir = (): string => path.join(projectRoot(), 'prompts');

/** Reads and validates one wording file; errors name the file and the field. */
export async function loadContentFile<T>(dir: string, name: string, schema: z.ZodType<T>): Promise<T> {
  const file = path.join(dir, name);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    throw new ContentError(file, `it could not be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new ContentError(file, `it is not valid JSON (${(err as Error).message})`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'the top level';
    throw new ContentError(file, `the field ${where} is wrong: ${issue.message}`);
  }
  return result.data;
}

/** Bot copy is split by feature (prompts/copy/*.json) and merged; a key defined twice stops start-up. */
async function loadCopy(dir: string): Promise<Copy> {
  const copyDir = path.join(dir, 'copy');
  const names = (await readdir(copyDir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
  if (names.length === 0) throw new ContentError(copyDir, 'it holds no copy files (*.json)');
  const messages: Record<string, string> = {};
  for (const name of names) {
    const file = await loadContentFile(copyDir, name, CopyFileSchema);
    for (const [key, value] of Object.entries(file.messages)) {
      if (key in messages) throw new ContentError(path.join(copyDir, name), `the key ${key} is already defined in another copy file`);
      messages[key] = value;
    }
  }
  return makeCopy(messages);
}

export async function loadContent(dir: string = defaultPromptsDir()): Promise<Content> {
  const [reflections, copy, coaching] = await Promise.all([
    loadContentFile(dir, 'reflections.json', ReflectionsFileSchema),
    loadCopy(dir),
    loadContentFile(dir, 'coaching.json', CoachingFileSchema),
  ]);
  return { reflections: reflections.prompts, copy, coaching: coaching.tips };
}
