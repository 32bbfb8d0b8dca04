import { z } from 'zod';
import { MAX_ANSWER } from '../src/core/model/history.js';
import { defineCommand, type CommandContext } from '../src/core/command.js';
import { privateReply, type Reply } from '../src/core/reply.js';
import { answerToday, resolveReplace, todaysPrompt } from '../src/features/reflection/reflections.js';
import { componentLabel } from '../src/features/labels.js';
import { reflectionPromptReply } from '../src/features/reflection/prompt-reply.js';
import { replaceQuestion } from '../src/features/replace-question.js';

async function saveAnswer(ctx: CommandContext, answer: string): Promise<Reply> {
  const outcome = await answerToday(ctx, answer);
  const copy = ctx.content.copy;
  if (outcome.kind === 'confirm-replace') {
    const message = copy('reflect.alreadyAnswered', { excerpt: excerpt(outcome.existing.answer) });
    const labels = { question: copy('reflect.replaceQuestion'), yes: copy('reflect.replaceYes'), no: copy('reflect.replaceNo') };
    return replaceQuestion(message, labels, { command: 'reflect', action: 'replace' });
  }
  return privateReply(copy('reflect.saved', { component: componentLabel(outcome.reflection.component) }));
}

function excerpt(answer: string): string {
  return answer.length > 120 ? `${answer.slice(0, 117)}...` : answer;
}

export default defineCommand({
  name: 'reflect',
  description: "Today's reflection prompt; answer it in a form or by replying",
  usage: '/attune reflect [your answer]',
  examples: ['reflect I noticed I rush when a customer is upset.'],
  audience: 'member',
  formWhenBare: true,
  // maxLength is declared to platforms that enforce it as people type (Discord's max_length); the
  // feature itself checks the length and says what the limit is.
  args: z.object({ answer: z.string().optional().meta({ description: 'Your answer, to save it without opening the form', maxLength: MAX_ANSWER }) }),
  parse: { positional: ['answer'], rest: 'answer' },
  async run(ctx, args) {
    if (args.answer) return saveAnswer(ctx, args.answer);
    const prompt = await todaysPrompt(ctx);
    return { ...reflectionPromptReply(ctx.content, prompt), private: true };
  },
  actions: {
    answer: (ctx, input) => saveAnswer(ctx, input.values.answer ?? input.value ?? ''),
    async replace(ctx, input) {
      const result = await resolveReplace(ctx, input.value === 'yes');
      const copy = ctx.content.copy;
      if (!result) return privateReply(copy('reflect.nothingPending'));
      return privateReply(result.replaced ? copy('reflect.replaced') : copy('reflect.kept'));
    },
  },
});
