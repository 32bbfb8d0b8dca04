import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { confirmStep } from '../src/core/confirm-step.js';
import { privateReply } from '../src/core/reply.js';
import { erasePersonalData } from '../src/features/privacy.js';

const CONFIRM_MINUTES = 10;
const confirmation = confirmStep('privacy delete', CONFIRM_MINUTES);

export default defineCommand({
  name: 'privacy delete',
  description: 'Erase everything Attune holds about you (asks first)',
  usage: '/attune privacy delete',
  audience: 'member',
  args: z.object({}),
  async run(ctx) {
    const copy = ctx.content.copy;
    return confirmation.ask(ctx, {
      question: copy('privacy.confirmDelete', { minutes: CONFIRM_MINUTES }),
      label: copy('privacy.confirmLabel'),
      yes: copy('privacy.deleteYes'),
      no: copy('privacy.deleteNo'),
    });
  },
  actions: {
    async confirm(ctx, input) {
      const copy = ctx.content.copy;
      const answer = await confirmation.take(ctx, input.value);
      if (answer.kind === 'cancel') return privateReply(copy('privacy.deleteCancelled'));
      if (answer.kind === 'expired') return privateReply(copy('privacy.deleteExpired'));
      const result = await erasePersonalData(ctx);
      const message = copy('privacy.deleted', { reflections: result.reflections, checkins: result.checkins });
      return privateReply(result.newAdmin ? `${message}\n${copy('privacy.adminHandedOver', { name: result.newAdmin })}` : message);
    },
  },
});
