import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { ContentError } from './content-error.js';
import { CoachingFileSchema, type CoachingTip } from './coaching-tips.js';
import { compileMessage, copyOf, CopyFileSchema, type Copy } from './copy.js';
import { NudgesFileSchema, type Nudge } from './nudges.js';
import { ReflectionsFileSchema, type ReflectionPrompt } from './reflection-prompts.js';
import { CheckInFileSchema, toCheckInWording, type CheckInWording } from './checkin-scales.js';
import { MentoringFileSchema, type MentoringLibrary } from './mentoring-library.js';
import { PracticeFileSchema, type PracticeLibrary } from './practice-library.js';
import { FeelingsFileSchema, toFeelingsLibrary, type FeelingsLibrary } from './feelings.js';
import { projectRoot } from '../paths.js';

/** All wording, validated: prompts, bot copy, and each feature's library. */
export interface Content {
  reflections: ReflectionPrompt[];
  copy: Copy;
  /** The check-in scales' wording (prompts/checkin.json). */
  checkin: CheckInWording;
  /** Resilience nudges (prompts/nudges.json). */
  nudges: Nudge[];
  /** Mentoring skills (tags, keywords, conversation starters) and pairing-round starters. */
  mentoring: MentoringLibrary;
  /** Coaching tips for leads, by digest signal (prompts/coaching.json). */
  coaching: CoachingTip[];
  /** Role-play scenario cards, techniques and debrief questions (prompts/practice.json). */
  practice: PracticeLibrary;
  /** Emotion words by mood-meter quadrant (prompts/feelings.json). */
  feelings: FeelingsLibrary;
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
  // Each message is compiled once: the compile that validates it at start-up is the one used to format.
  const compiled = new Map<string, ReturnType<typeof compileMessage>>();
  for (const name of names) {
    const file = await loadContentFile(copyDir, name, CopyFileSchema);
    for (const [key, value] of Object.entries(file.messages)) {
      if (compiled.has(key)) throw new ContentError(path.join(copyDir, name), `the key ${key} is already defined in another copy file`);
      try {
        compiled.set(key, compileMessage(key, value));
      } catch (err) {
        throw new ContentError(path.join(copyDir, name), (err as Error).message);
      }
    }
  }
  return copyOf(compiled);
}

export async function loadContent(dir: string = defaultPromptsDir()): Promise<Content> {
  // Each library loads in parallel; one line per library keeps additions independent.
  const reflections = loadContentFile(dir, 'reflections.json', ReflectionsFileSchema);
  const copy = loadCopy(dir);
  const checkin = loadContentFile(dir, 'checkin.json', CheckInFileSchema);
  const nudges = loadContentFile(dir, 'nudges.json', NudgesFileSchema);
  const mentoring = loadContentFile(dir, 'mentoring.json', MentoringFileSchema);
  const coaching = loadContentFile(dir, 'coaching.json', CoachingFileSchema);
  const practice = loadContentFile(dir, 'practice.json', PracticeFileSchema);
  const feelings = loadContentFile(dir, 'feelings.json', FeelingsFileSchema);
  await Promise.allSettled([reflections, copy, checkin, nudges, mentoring, coaching, practice, feelings]);
  return {
    reflections: (await reflections).prompts,
    copy: await copy,
    checkin: toCheckInWording(await checkin),
    nudges: (await nudges).nudges,
    mentoring: await mentoring,
    coaching: (await coaching).tips,
    practice: await practice,
    feelings: toFeelingsLibrary(await feelings),
  };
}
