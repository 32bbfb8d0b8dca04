import type { ActionRef, Reply } from '../core/reply.js';
import { privateReply, text } from '../core/reply.js';

/**
 * "You already answered today: replace it?" as a private reply with two buttons (values yes / no):
 * reflections and check-ins both keep the first answer until the person chooses.
 */
export function replaceQuestion(message: string, labels: { question: string; yes: string; no: string }, action: ActionRef): Reply {
  return privateReply(message, [
    text(message),
    {
      type: 'choice',
      id: 'replace',
      label: labels.question,
      style: 'buttons',
      options: [
        { label: labels.yes, value: 'yes' },
        { label: labels.no, value: 'no' },
      ],
      action,
    },
  ]);
}
