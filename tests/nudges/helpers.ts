import { randomUUID } from 'node:crypto';
import type { App } from '../../src/app.js';
import type { CommandContext } from '../../src/core/command.js';
import type { CheckIn } from '../../src/core/model/history.js';
import type { Block } from '../../src/core/reply.js';
import { ensurePerson } from '../../src/features/people.js';
import { nudgeAfterCheckIn } from '../../src/features/nudges/after-checkin.js';
import { shellActor } from '../helpers/test-app.js';

export interface Scores {
  mood: number;
  energy: number;
  stress: number;
}

/** The context a command handler would get for this shell person at the app clock's now. */
export async function contextFor(app: App, name: string, today?: string): Promise<CommandContext> {
  const now = app.clock.now();
  const actor = shellActor(name);
  const { person } = await ensurePerson(app, actor, now);
  return { ...app, actor, person, now, tz: 'UTC', today: today ?? now.toISOString().slice(0, 10) };
}

/** Stores a check-in the way the checkin command does, at noon UTC of `date`. */
export async function storeCheckIn(app: App, name: string, date: string, scores: Scores): Promise<CheckIn> {
  const checkIn: CheckIn = {
    id: randomUUID(),
    personId: `shell:${name}`,
    at: `${date}T12:00:00.000Z`,
    localDate: date,
    ...scores,
    shareNote: false,
    teams: [],
    custom: {},
  };
  return (await app.store.history.addCheckIn(checkIn)).record;
}

/** Stores a check-in and runs the nudge hook on it, as the checkin command will: the blocks it adds. */
export async function checkInWithHook(app: App, name: string, date: string, scores: Scores): Promise<Block[]> {
  const checkIn = await storeCheckIn(app, name, date, scores);
  return nudgeAfterCheckIn(await contextFor(app, name, date), checkIn);
}

/** All text a set of blocks shows (text blocks, fields, choice labels and options). */
export function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'text':
          return b.text;
        case 'fields':
          return b.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
        case 'choice':
          return [b.label, ...b.options.map((o) => `${o.label} (${o.value})`)].join('\n');
        default:
          return '';
      }
    })
    .join('\n');
}

/** The id of the nudge in these blocks, read from its "Was this helpful?" buttons. */
export function nudgeIdIn(blocks: readonly Block[]): string | undefined {
  const choice = blocks.find((b) => b.type === 'choice' && b.action.command === 'nudge' && b.action.action === 'helpful');
  return choice?.type === 'choice' ? choice.options[0]!.value.split(':')[1] : undefined;
}
