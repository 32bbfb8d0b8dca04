import { randomUUID } from 'node:crypto';
import { effectiveTimeZone, ensurePerson } from '../features/people.js';
import type { AppContext } from './app-context.js';
import { tailOf, textOf, validateOptions, wordsToOptions, type CommandWords } from './args.js';
import { readsAsCommand, stripRoot } from './command-line.js';
import { cleanInvocation } from './clean-invocation.js';
import { echo } from './text-hygiene.js';
import type { Command, CommandContext } from './command.js';
import { UserError } from './errors.js';
import type { Invocation } from './invocation.js';
import { meetsAudience } from './access.js';
import { assertValidReply, privateReply, type Reply } from './reply.js';
import type { Registry } from './registry.js';
import { localDate } from './time.js';

/** The action id of a button that simply runs its command (value = the words after the command name). */
export const RUN_ACTION = 'run';

/** What a dispatch produced, with what an adapter may want to know about the person. */
export interface DispatchResult {
  reply: Reply;
  /** This was the person's first contact with Attune. */
  firstContact: boolean;
}

/**
 * Routes an invocation to its command or action and returns the reply. Never throws: a problem the
 * person can fix becomes a private message, anything else is logged with a reference they can quote.
 */
export class Dispatcher {
  constructor(
    private readonly app: AppContext,
    readonly registry: Registry,
  ) {}

  async dispatch(raw: Invocation): Promise<DispatchResult> {
    let firstContact = false;
    const inv = cleanInvocation(raw);
    try {
      const now = this.app.clock.now();
      const { person, created } = await ensurePerson(this.app, inv.actor, now);
      firstContact = created;
      const tz = effectiveTimeZone(this.app, person);
      const ctx: CommandContext = {
        ...this.app,
        actor: inv.actor,
        person,
        now,
        tz,
        today: localDate(now, tz),
        ...(inv.idempotencyKey ? { idempotencyKey: inv.idempotencyKey } : {}),
      };
      const reply =
        inv.kind === 'command' ? await this.runCommand(ctx, inv) : inv.kind === 'action' ? await this.runAction(ctx, inv) : await this.runMessage(ctx, inv.parts ? textOf(inv.parts) : inv.text, inv.parts);
      assertValidReply(reply);
      return { reply, firstContact };
    } catch (err) {
      if (err instanceof UserError) return { reply: privateReply(err.message), firstContact };
      const ref = randomUUID().slice(0, 8);
      this.app.log.error({ err, ref, actor: inv.actor.id, kind: inv.kind }, 'command failed');
      return { reply: privateReply(this.app.content.copy('error.internal', { ref })), firstContact };
    }
  }

  private async runCommand(ctx: CommandContext, inv: Extract<Invocation, { kind: 'command' }>): Promise<Reply> {
    let command: Command | undefined;
    let options: Record<string, unknown>;
    if (inv.command) {
      command = this.registry.get(inv.command);
      options = inv.options ?? {};
    } else {
      const words: CommandWords = inv.parts ?? inv.text ?? '';
      const text = textOf(words).trim();
      if (!text) return this.runNamed(ctx, 'help', {});
      const found = this.registry.resolve(text);
      if (!found) return this.unknown(ctx, text);
      command = found.command;
      options = wordsToOptions(command, tailOf(words, found.rest.length));
    }
    if (!command) return this.unknown(ctx, inv.command ?? '');
    await this.checkAudience(ctx, command);
    const args = validateOptions(command, options);
    return command.run(ctx, args);
  }

  /** A line that reads as a command runs as that command; anything else answers today's reflection. */
  private async runMessage(ctx: CommandContext, text: string, parts?: CommandWords): Promise<Reply> {
    if (readsAsCommand(this.registry, text)) {
      const stripped = stripRoot(text).text;
      const words = tailOf(parts ?? text, stripped.length);
      return this.runCommand(ctx, { kind: 'command', actor: ctx.actor, text: stripped, ...(typeof words === 'string' ? {} : { parts: [...words] }) });
    }
    const reflect = this.registry.get('reflect');
    if (!reflect) return this.unknown(ctx, text);
    await this.checkAudience(ctx, reflect);
    return reflect.run(ctx, validateOptions(reflect, { answer: text }));
  }

  private async runNamed(ctx: CommandContext, name: string, options: Record<string, unknown>): Promise<Reply> {
    const command = this.registry.get(name);
    if (!command) throw new Error(`No ${name} command`);
    return command.run(ctx, validateOptions(command, options));
  }

  private async runAction(ctx: CommandContext, inv: Extract<Invocation, { kind: 'action' }>): Promise<Reply> {
    const command = this.registry.get(inv.command);
    // A generic "run" button (App Home, a reminder) runs the command itself, with `value` as its words.
    if (command && inv.action === RUN_ACTION && !command.actions?.[RUN_ACTION]) {
      await this.checkAudience(ctx, command);
      return command.run(ctx, validateOptions(command, wordsToOptions(command, inv.value ?? '')));
    }
    const handler = command?.actions?.[inv.action];
    if (!command || !handler) {
      this.app.log.warn({ command: inv.command, action: inv.action }, 'unknown action');
      throw new UserError(this.app.content.copy('error.unknownAction'));
    }
    await this.checkAudience(ctx, command);
    return handler(ctx, { ...(inv.value !== undefined ? { value: inv.value } : {}), values: inv.values ?? {} });
  }

  private async checkAudience(ctx: CommandContext, command: Command): Promise<void> {
    if (!(await meetsAudience(ctx.store, ctx.person, command.audience))) {
      throw new UserError(this.app.content.copy(`error.audience.${command.audience}`, { command: command.name }));
    }
  }

  private async unknown(ctx: CommandContext, text: string): Promise<Reply> {
    const word = text.trim().split(/\s+/)[0] ?? '';
    // A group word alone (`team`, `privacy`) lists what this person can do with it, nothing more.
    const candidates = this.registry.group(word);
    const allowed = await Promise.all(candidates.map((c) => meetsAudience(ctx.store, ctx.person, c.audience)));
    const group = candidates.filter((_, i) => allowed[i]);
    const alone = text.trim().split(/\s+/).length === 1;
    if (group.length && alone) {
      const lines = group.map((c) => `${c.usage} - ${c.description}`);
      return privateReply(`${this.app.content.copy('error.groupWord', { word: word.toLowerCase() })}\n${lines.join('\n')}`);
    }
    // A group only others may use (`admin` for a member) says so, rather than "not a command".
    if (candidates.length && alone) throw new UserError(this.app.content.copy(`error.audience.${candidates[0]!.audience}`, { command: word.toLowerCase() }));
    return privateReply(this.app.content.copy('error.unknownCommand', { word: echo(word) }));
  }
}
