import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { privateReply, text } from '../src/core/reply.js';
import { handleOf } from '../src/features/teams/find-team.js';
import { managedTeam } from '../src/features/teams/team-admin.js';
import { deleteTeam } from '../src/features/teams/team-lifecycle.js';

const DRAFT = 'team.delete';
const CONFIRM_MINUTES = 10;

export default defineCommand({
  name: 'team delete',
  description: "Delete a team and its digests; members keep their own history (asks first; admins)",
  usage: '/attune team delete <team>',
  examples: ['team delete care'],
  audience: 'admin',
  args: z.object({ team: z.string({ message: 'name the team (its handle, e.g. care)' }).max(80).describe('The team handle, e.g. care') }),
  parse: { positional: ['team'], rest: 'team' },
  async run(ctx, args) {
    const copy = ctx.content.copy;
    const team = await managedTeam(ctx, args.team);
    // A one-time token naming the team: an old or forwarded button deletes nothing else.
    const token = `${randomUUID().slice(0, 12)}|${team.id}`;
    await ctx.store.drafts.set(ctx.person.id, DRAFT, token, new Date(ctx.now.getTime() + CONFIRM_MINUTES * 60_000));
    const question = copy('team.deleteConfirm', { team: team.name, minutes: CONFIRM_MINUTES });
    return privateReply(question, [
      text(question),
      {
        type: 'choice',
        id: 'confirm',
        label: copy('team.deleteLabel', { team: team.name }),
        style: 'buttons',
        options: [
          { label: copy('team.deleteYes'), value: token },
          { label: copy('team.deleteNo'), value: 'cancel' },
        ],
        action: { command: 'team delete', action: 'confirm' },
      },
    ]);
  },
  actions: {
    async confirm(ctx, input) {
      const copy = ctx.content.copy;
      const token = await ctx.store.drafts.get<string>(ctx.person.id, DRAFT, ctx.now);
      await ctx.store.drafts.clear(ctx.person.id, DRAFT);
      if (input.value === 'cancel') return privateReply(copy('team.deleteCancelled'));
      if (!token || input.value !== token) return privateReply(copy('team.deleteExpired'));
      // Checked again at the click: the asker may still manage teams, and the team is still theirs.
      const team = await managedTeam(ctx, handleOf({ id: token.slice(token.indexOf('|') + 1) }));
      await deleteTeam(ctx, team);
      return privateReply(copy('team.deleted', { team: team.name }));
    },
  },
});
