import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { confirmStep } from '../src/core/confirm-step.js';
import { privateReply } from '../src/core/reply.js';
import { handleOf } from '../src/features/teams/find-team.js';
import { managedTeam } from '../src/features/teams/team-admin.js';
import { deleteTeam } from '../src/features/teams/team-lifecycle.js';

const CONFIRM_MINUTES = 10;
const confirmation = confirmStep('team delete', CONFIRM_MINUTES);

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
    return confirmation.ask(
      ctx,
      {
        question: copy('team.deleteConfirm', { team: team.name, minutes: CONFIRM_MINUTES }),
        label: copy('team.deleteLabel', { team: team.name }),
        yes: copy('team.deleteYes'),
        no: copy('team.deleteNo'),
      },
      team.id,
    );
  },
  actions: {
    async confirm(ctx, input) {
      const copy = ctx.content.copy;
      const answer = await confirmation.take(ctx, input.value);
      if (answer.kind === 'cancel') return privateReply(copy('team.deleteCancelled'));
      if (answer.kind === 'expired') return privateReply(copy('team.deleteExpired'));
      // Checked again at the click: the asker may still manage teams, and the team is still theirs.
      const team = await managedTeam(ctx, handleOf({ id: answer.subject }));
      await deleteTeam(ctx, team);
      return privateReply(copy('team.deleted', { team: team.name }));
    },
  },
});
