import type { ReflectionPrompt } from '../../content/reflection-prompts.js';
import type { Content } from '../../content/load-content.js';
import { MAX_ANSWER } from '../../core/model/history.js';
import { heading, text, type Block, type Reply } from '../../core/reply.js';
import { componentLabel } from '../labels.js';

/**
 * Today's prompt with its answer form: the reply of `reflect` and of the scheduled daily prompt, so
 * both look and answer the same way. Extra blocks (daily-prompt extras) go after the form.
 */
export function reflectionPromptReply(content: Pick<Content, 'copy'>, prompt: ReflectionPrompt, extra: Block[] = []): Reply {
  const copy = content.copy;
  const title = copy('reflect.title', { component: componentLabel(prompt.component) });
  const extraText = extra.flatMap((b) => (b.type === 'text' ? [b.text] : []));
  return {
    text: [`${title}: ${prompt.text}`, copy('reflect.howToAnswer'), ...extraText].join('\n'),
    blocks: [
      heading(title),
      text(prompt.text, 'quote'),
      text(copy('reflect.howToAnswer'), 'muted'),
      {
        type: 'form',
        id: 'reflection',
        title: copy('reflect.formTitle'),
        submitLabel: copy('reflect.submit'),
        fields: [{ kind: 'text', id: 'answer', label: copy('reflect.answerLabel'), hint: prompt.text, multiline: true, required: true, maxLength: MAX_ANSWER }],
        action: { command: 'reflect', action: 'answer' },
      },
      ...extra,
    ],
  };
}
