import { z } from 'zod';
import { MAX_NOTE } from '../src/core/model/history.js';
import { defineCommand, type CommandContext } from '../src/core/command.js';
import { UsageError } from '../src/core/errors.js';
import { privateReply, text, type Reply } from '../src/core/reply.js';
import { checkInFormReply, customQuestionsBlocks, replaceQuestionReply } from '../src/features/checkin/checkin-replies.js';
import { recordCheckIn, resolveReplace, todaysCheckIn, type CheckInAnswer } from '../src/features/checkin/checkins.js';
import { confirmCheckIn } from '../src/features/checkin/confirm-checkin.js';
import { answerCustomQuestions } from '../src/features/checkin/custom-answers.js';

const USAGE = '/attune checkin [mood energy stress] [--share] [note]';
const EXAMPLE = 'checkin 4 3 2 long day, good team';
const SHARE_FLAG = /^--share(\s+|$)/i;

const score = (what: string) =>
  z.coerce
    .number({ message: 'use a whole number from 1 to 5' })
    .int({ message: 'use a whole number from 1 to 5' })
    .min(1, { message: 'use a whole number from 1 to 5' })
    .max(5, { message: 'use a whole number from 1 to 5' })
    .optional()
    .describe(`Your ${what}, 1-5`);

async function save(ctx: CommandContext, answer: CheckInAnswer): Promise<Reply> {
  const outcome = await recordCheckIn(ctx, answer);
  if (outcome.kind === 'confirm-replace') return replaceQuestionReply(ctx, outcome.existing, outcome.pending);
  return confirmCheckIn(ctx, outcome.checkIn, { duplicate: outcome.duplicate });
}

/** A form's number as a score; anything else is the usage. */
function formScore(value: string | undefined): number {
  const n = Number((value ?? '').trim());
  if (!value || !Number.isInteger(n) || n < 1 || n > 5) throw new UsageError('Mood, energy and stress each need a whole number from 1 to 5.', USAGE, EXAMPLE);
  return n;
}

export default defineCommand({
  name: 'checkin',
  description: 'Check in: mood, energy and stress (1-5) and an optional note',
  usage: USAGE,
  examples: [EXAMPLE, 'checkin 2 2 4 --share the release is wearing me down', 'checkin'],
  audience: 'member',
  formWhenBare: true,
  args: z.object({
    mood: score('mood (1 rough, 5 great)'),
    energy: score('energy (1 drained, 5 charged)'),
    stress: score('stress (1 calm, 5 overwhelmed)'),
    // maxLength is declared to platforms that enforce it as people type (Discord's max_length), with room
    // for a leading "--share "; the feature checks the note itself and says what the limit is.
    note: z.string().optional().meta({ description: 'A few words on how it is going (private unless it starts with --share)', maxLength: MAX_NOTE + '--share '.length }),
  }),
  parse: { positional: ['mood', 'energy', 'stress', 'note'], rest: 'note' },
  async run(ctx, args) {
    const given = [args.mood, args.energy, args.stress].filter((v) => v !== undefined).length;
    if (given === 0 && args.note === undefined) return checkInFormReply(ctx, await todaysCheckIn(ctx));
    if (given < 3 || args.mood === undefined || args.energy === undefined || args.stress === undefined) {
      throw new UsageError('Give all three numbers (mood, energy, stress, each 1-5), or none to get the form.', USAGE, EXAMPLE);
    }
    const raw = args.note ?? '';
    const share = SHARE_FLAG.test(raw.trim());
    const note = share ? raw.trim().replace(SHARE_FLAG, '') : raw;
    return save(ctx, { mood: args.mood, energy: args.energy, stress: args.stress, note, shareNote: share });
  },
  actions: {
    submit: (ctx, { values }) =>
      save(ctx, {
        mood: formScore(values.mood),
        energy: formScore(values.energy),
        stress: formScore(values.stress),
        ...(values.note !== undefined ? { note: values.note } : {}),
        shareNote: values.share === 'yes',
      }),
    async replace(ctx, input) {
      const copy = ctx.content.copy;
      const result = await resolveReplace(ctx, input.value === 'yes');
      if (!result) return privateReply(copy('checkin.nothingPending'));
      if (!result.replaced) return privateReply(copy('checkin.kept'));
      return confirmCheckIn(ctx, result.checkIn, { duplicate: false, replaced: true });
    },
    async custom(ctx, { values }) {
      const copy = ctx.content.copy;
      const outcome = await answerCustomQuestions(ctx, values);
      if (outcome.kind === 'expired') return privateReply(copy('checkin.customExpired'));
      if (outcome.kind === 'invalid') return privateReply(outcome.message, [text(outcome.message), ...customQuestionsBlocks(ctx, outcome.questions)]);
      const thanks = outcome.answered ? copy('checkin.customSaved', { count: outcome.answered }) : copy('checkin.customSkipped');
      if (!outcome.next.length) return privateReply(thanks);
      const more = copy('checkin.customMore', { count: outcome.next.length });
      return privateReply(`${thanks}\n${more}`, [text(thanks), ...customQuestionsBlocks(ctx, outcome.next, more)]);
    },
  },
});
