import { randomUUID } from 'node:crypto';
import type { CommandContext } from './command.js';
import { privateReply, text, type Reply } from './reply.js';

type Ctx = Pick<CommandContext, 'store' | 'person' | 'now'>;

/** A "yes, do it / no" step in front of something that cannot be undone (erase, delete a team). */
export interface ConfirmStep {
  /** The question with its two buttons; `subject` (e.g. a team id) is what the yes applies to. */
  ask(ctx: Ctx, copy: { question: string; label: string; yes: string; no: string }, subject?: string): Promise<Reply>;
  /**
   * Consumes the answer once: `cancel` for no, `expired` for an old, forwarded or already used button,
   * else the subject the question was asked about. Two clicks at once: only one gets the subject.
   */
  take(ctx: Ctx, value: string | undefined): Promise<{ kind: 'cancel' } | { kind: 'expired' } | { kind: 'yes'; subject: string }>;
}

/** A confirmation for `command`'s `confirm` action, kept as a one-time token for `minutes`. */
export function confirmStep(command: string, minutes: number): ConfirmStep {
  const purpose = `confirm:${command}`;
  return {
    async ask(ctx, copy, subject = '') {
      // A one-time token: an old or forwarded button cannot act, and the subject comes from the store, not the click.
      const token = randomUUID().slice(0, 12);
      await ctx.store.drafts.set(ctx.person.id, purpose, { token, subject }, new Date(ctx.now.getTime() + minutes * 60_000));
      return privateReply(copy.question, [
        text(copy.question),
        {
          type: 'choice',
          id: 'confirm',
          label: copy.label,
          style: 'buttons',
          options: [
            { label: copy.yes, value: token },
            { label: copy.no, value: 'cancel' },
          ],
          action: { command, action: 'confirm' },
        },
      ]);
    },
    async take(ctx, value) {
      const pending = await ctx.store.transaction(async (tx) => {
        const found = await tx.drafts.get<{ token: string; subject: string }>(ctx.person.id, purpose, ctx.now);
        if (found && (value === 'cancel' || value === found.token)) await tx.drafts.clear(ctx.person.id, purpose);
        return found;
      });
      if (value === 'cancel') return { kind: 'cancel' };
      if (!pending || value !== pending.token) return { kind: 'expired' };
      return { kind: 'yes', subject: pending.subject };
    },
  };
}
