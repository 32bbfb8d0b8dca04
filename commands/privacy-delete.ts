import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { privateReply, text } from '../src/core/reply.js';
import { erasePersonalData } from '../src/features/privacy.js';

const DRAFT = 'privacy.delete';
const CONFIRM_MINUTES = 10;

export default defineCommand({
  name: 'privacy delete',
  description: 'Erase everything Attune holds about you (asks first)',
  usage: '/attune privacy delete',
  audience: 'member',
  args: z.object({}),
  async run(ctx) {
    const copy = ctx.content.copy;
    // A one-time token: an old or forwarded button cannot erase anything.
    const token = randomUUID().slice(0, 12);
    await ctx.store.drafts.set(ctx.person.id, DRAFT, token, new Date(ctx.now.getTime() + CONFIRM_MINUTES * 60_000));
    const question = copy('privacy.confirmDelete', { minutes: CONFIRM_MINUTES });
    return privateReply(question, [
      text(question),
      {
        type: 'choice',
        id: 'confirm',
        label: copy('privacy.confirmLabel'),
        style: 'buttons',
        options: [
          { label: copy('privacy.deleteYes'), value: token },
          { label: copy('privacy.deleteNo'), value: 'cancel' },
        ],
        action: { command: 'privacy delete', action: 'confirm' },
      },
    ]);
  },
  actions: {
    async confirm(ctx, input) {
      const copy = ctx.content.copy;
      const token = await ctx.store.drafts.get<string>(ctx.person.id, DRAFT, ctx.now);
      if (input.value === 'cancel') {
        await ctx.store.drafts.clear(ctx.person.id, DRAFT);
        return privateReply(copy('privacy.deleteCancelled'));
      }
      if (!token || input.value !== token) return privateReply(copy('privacy.deleteExpired'));
      const result = await erasePersonalData(ctx);
      const message = copy('privacy.deleted', { reflections: result.reflections, checkins: result.checkins });
      return privateReply(result.newAdmin ? `${message}\n${copy('privacy.adminHandedOver', { name: result.newAdmin })}` : message);
    },
  },
});
