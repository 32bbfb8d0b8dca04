import type { Feeling, Quadrant } from '../../content/feelings.js';
import type { CommandContext } from '../../core/command.js';
import type { CheckIn } from '../../core/model/history.js';
import { privateReply, text, type Block, type Reply } from '../../core/reply.js';
import { quadrantOf, wordsIn } from './quadrant.js';

type Ctx = Pick<CommandContext, 'content'>;

export const FEELING_COMMAND = 'feeling';
/** The picker's last option: show what the words mean. */
export const DEFINE_VALUE = 'define';

/** One optional tap: the words of the check-in's quadrant, and a last option to read their meanings. */
export function feelingPicker(ctx: Ctx, checkIn: Pick<CheckIn, 'mood' | 'energy'>): Block {
  const copy = ctx.content.copy;
  const words = wordsIn(ctx.content.feelings, quadrantOf(checkIn));
  return {
    type: 'choice',
    id: 'feeling',
    label: copy('feeling.pickLabel'),
    style: 'select',
    options: [...words.map((w) => ({ label: w.word, value: w.id })), { label: copy('feeling.defineOption'), value: DEFINE_VALUE }],
    action: { command: FEELING_COMMAND, action: 'pick' },
  };
}

/** The picker with its one-line invitation, as added to a check-in confirmation. */
export function feelingPickerBlocks(ctx: Ctx, checkIn: Pick<CheckIn, 'mood' | 'energy'>): Block[] {
  return [text(ctx.content.copy('feeling.invite'), 'muted'), feelingPicker(ctx, checkIn)];
}

/** Each word of a quadrant with its short definition, and the picker again. */
export function definitionsReply(ctx: Ctx, quadrant: Quadrant, checkIn: Pick<CheckIn, 'mood' | 'energy'> | undefined): Reply {
  const copy = ctx.content.copy;
  const list = wordsIn(ctx.content.feelings, quadrant)
    .map((w) => `${w.word}: ${w.definition}`)
    .join('\n');
  const title = copy('feeling.definitionsTitle', { quadrant: ctx.content.feelings.labels[quadrant] });
  const blocks: Block[] = [text(title, 'heading'), text(list)];
  if (checkIn) blocks.push(feelingPicker(ctx, checkIn));
  return privateReply(`${title}\n${list}`, blocks);
}

export const feelingLine = (ctx: Ctx, f: Feeling): string => ctx.content.copy('feeling.saved', { word: f.word.toLowerCase(), definition: f.definition });
