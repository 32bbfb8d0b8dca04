import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UsageError } from '../src/core/errors.js';
import { privateReply } from '../src/core/reply.js';
import { handleOf } from '../src/features/teams/find-team.js';
import { addQuestion, listQuestions, MAX_QUESTION_DETAILS, MAX_QUESTIONS, removeQuestion } from '../src/features/teams/questions.js';

const USAGE = '/attune team question add <team> scale|text <question> | remove <team> <id or number> | list <team>';
const EXAMPLE = 'team question add care scale How supported did you feel by the team today?';

export default defineCommand({
  name: 'team question',
  description: "A team's own check-in questions, up to 3: add, remove, list (admins)",
  usage: USAGE,
  examples: [EXAMPLE, 'team question list care', 'team question remove care 2'],
  audience: 'admin',
  args: z.object({
    op: z.enum(['add', 'remove', 'list'], { message: 'start with add, remove or list' }).describe('add, remove or list'),
    team: z.string({ message: 'name the team (its handle, e.g. care)' }).max(80).describe('The team handle, e.g. care'),
    // Typed details may run longer: the handler names the question's limit. Discord stops typing at it.
    details: z.string().max(400).optional().meta({ description: 'add: scale|text and the question; remove: its id or number', maxLength: MAX_QUESTION_DETAILS }),
  }),
  parse: { positional: ['op', 'team', 'details'], rest: 'details' },
  async run(ctx, args) {
    const copy = ctx.content.copy;
    const details = (args.details ?? '').trim();
    if (args.op === 'add') {
      const m = /^(\S+)\s+(.+)$/s.exec(details);
      if (!m) throw new UsageError('Say the kind (scale or text) and then the question.', USAGE, EXAMPLE);
      const { team, question } = await addQuestion(ctx, args.team, m[1]!, m[2]!);
      return privateReply(copy('team.questionAdded', { team: team.name, id: question.id, kind: question.kind, text: question.text, count: team.questions.length, max: MAX_QUESTIONS }));
    }
    if (args.op === 'remove') {
      if (!details || /\s/.test(details)) throw new UsageError('Say which question: its id or its number in the list.', USAGE, 'team question remove care 2');
      const { team, question } = await removeQuestion(ctx, args.team, details);
      return privateReply(copy('team.questionRemoved', { team: team.name, text: question.text }));
    }
    if (details) throw new UsageError(`"list" takes only the team.`, USAGE, 'team question list care');
    const team = await listQuestions(ctx, args.team);
    if (team.questions.length === 0) return privateReply(copy('team.questionsNone', { team: team.name, handle: handleOf(team) }));
    const lines = team.questions.map((q, i) => `${i + 1}. [${q.kind}] ${q.text} (id ${q.id})`);
    const title = copy('team.questionsTitle', { team: team.name, count: team.questions.length, max: MAX_QUESTIONS });
    return privateReply([title, ...lines].join('\n'));
  },
});
