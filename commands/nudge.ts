import { z } from 'zod';
import { echo } from '../src/core/text-hygiene.js';
import { defineCommand, type CommandContext } from '../src/core/command.js';
import { canSetSupportResources } from '../src/core/access.js';
import { UsageError, UserError } from '../src/core/errors.js';
import { heading, privateReply, text, type Reply } from '../src/core/reply.js';
import { normalizeHhmm } from '../src/core/time.js';
import { withSnooze, withVote } from '../src/features/nudges/nudge-state.js';
import { nudgeBlocks, nudgeText, parseVote, techniqueLabel } from '../src/features/nudges/render.js';
import { serveNudge } from '../src/features/nudges/serve.js';
import { nudgeStatus } from '../src/features/nudges/status.js';
import { supportResourcesText } from '../src/features/nudges/support.js';

const ACTIONS = ['now', 'snooze', 'off', 'on', 'daily', 'status', 'resources'] as const;
const MAX_SNOOZE_DAYS = 90;
const MAX_RESOURCES = 1500;
const USAGE = '/attune nudge [now | snooze <days> | off | on | daily <HH:MM>|off | status | resources [text]]';
const EXAMPLES = ['nudge now', 'nudge snooze 3', 'nudge daily 08:30', 'nudge off'];

function usage(ctx: CommandContext, key: string, vars: Record<string, string | number> = {}, example = EXAMPLES[0]): UsageError {
  return new UsageError(ctx.content.copy(key, vars), USAGE, example);
}

async function now(ctx: CommandContext): Promise<Reply> {
  const copy = ctx.content.copy;
  const served = await serveNudge(ctx, ctx.person, ctx.today, 'requested');
  if (!served) return privateReply(copy('nudge.now.allSeen'));
  const intro = served.checkIn ? copy('nudge.now.introFit') : copy('nudge.now.intro');
  return privateReply(`${intro}\n${nudgeText(copy, served.nudge)}`, [text(intro), ...nudgeBlocks(copy, served.nudge)]);
}

async function snooze(ctx: CommandContext, value: string | undefined): Promise<Reply> {
  if (value === undefined) throw usage(ctx, 'nudge.bad.snoozeMissing', { max: MAX_SNOOZE_DAYS }, 'nudge snooze 3');
  const days = Number(value);
  if (!/^\d+$/.test(value) || days < 1 || days > MAX_SNOOZE_DAYS) throw usage(ctx, 'nudge.bad.snoozeDays', { value, max: MAX_SNOOZE_DAYS }, 'nudge snooze 3');
  let result = withSnooze(await ctx.store.nudges.get(ctx.person.id), ctx.today, days);
  await ctx.store.nudges.update(ctx.person.id, (current) => (result = withSnooze(current, ctx.today, days)).state);
  const { until, resume } = result;
  return privateReply(ctx.content.copy('nudge.snoozed', { until, resume }));
}

async function setOff(ctx: CommandContext, off: boolean): Promise<Reply> {
  // `nudge on` ends a snooze too: it is the person saying they want nudges again.
  await ctx.store.nudges.update(ctx.person.id, (state) => {
    const { snoozedUntil: _dropped, ...rest } = state;
    return off ? { ...state, off: true } : { ...rest, off: false };
  });
  if (off) return privateReply(ctx.content.copy('nudge.off'));
  const status = await nudgeStatus(ctx, ctx.content.copy('nudge.on'));
  return privateReply(status.text, status.blocks);
}

async function daily(ctx: CommandContext, value: string | undefined): Promise<Reply> {
  const copy = ctx.content.copy;
  if (value === undefined) throw usage(ctx, 'nudge.bad.dailyMissing', {}, 'nudge daily 08:30');
  if (value.toLowerCase() === 'off') {
    await ctx.store.nudges.update(ctx.person.id, (state) => {
      const { daily: _dropped, ...rest } = state;
      return rest;
    });
    return privateReply(copy('nudge.dailyOff'));
  }
  const time = normalizeHhmm(value);
  if (!time) throw usage(ctx, 'nudge.bad.dailyTime', { value }, 'nudge daily 08:30');
  const state = await ctx.store.nudges.update(ctx.person.id, (s) => ({ ...s, daily: time }));
  const message = copy('nudge.dailySet', { time, tz: ctx.tz });
  return privateReply(state.off ? `${message}\n${copy('nudge.dailyWhileOff')}` : message);
}

async function resources(ctx: CommandContext, value: string | undefined): Promise<Reply> {
  const copy = ctx.content.copy;
  const title = copy('nudge.resources.title');
  if (value === undefined) {
    const current = await supportResourcesText(ctx, ctx.person.workspace);
    if (!current) return privateReply(copy('nudge.resources.none'));
    const blocks = [heading(title), text(current.text, 'quote'), ...(current.source === 'env' ? [text(copy('nudge.resources.fromEnv'), 'muted')] : [])];
    return privateReply(`${title}\n${current.text}`, blocks);
  }
  if (!canSetSupportResources(ctx.person)) throw new UserError(copy('nudge.resources.adminOnly'));
  if (value.toLowerCase() === 'clear') {
    await ctx.store.nudges.setSupportResources(ctx.person.workspace, undefined);
    return privateReply(copy('nudge.resources.cleared'));
  }
  if (value.length > MAX_RESOURCES) throw new UserError(copy('nudge.bad.resourcesTooLong', { length: value.length, max: MAX_RESOURCES }));
  await ctx.store.nudges.setSupportResources(ctx.person.workspace, { text: value, updatedAt: ctx.now.toISOString() });
  const saved = copy('nudge.resources.saved');
  return privateReply(`${saved}\n${value}`, [text(saved), text(value, 'quote')]);
}

export default defineCommand({
  name: 'nudge',
  description: 'A short resilience exercise now, or control the nudges Attune sends you',
  usage: USAGE,
  examples: EXAMPLES,
  audience: 'member',
  args: z.object({
    action: z
      .enum(ACTIONS, { error: (issue) => `"${echo(String(issue.input))}" is not something nudge can do; use one of ${ACTIONS.join(', ')}` })
      .optional()
      .describe('now, snooze, off, on, daily, status or resources'),
    // The longest value is the support text; the handler says when one is over its limit.
    value: z.string().max(2000).optional().meta({ description: 'Days to snooze, a daily time HH:MM or off, or support text (admins)', maxLength: MAX_RESOURCES }),
  }),
  parse: { positional: ['action', 'value'], rest: 'value' },
  async run(ctx, args) {
    const action = args.action ?? 'now';
    const value = args.value?.trim() || undefined;
    if (value !== undefined && (action === 'now' || action === 'off' || action === 'on' || action === 'status')) {
      throw usage(ctx, 'nudge.bad.noValue', { action });
    }
    switch (action) {
      case 'now':
        return now(ctx);
      case 'snooze':
        return snooze(ctx, value);
      case 'off':
        return setOff(ctx, true);
      case 'on':
        return setOff(ctx, false);
      case 'daily':
        return daily(ctx, value);
      case 'status': {
        const status = await nudgeStatus(ctx, ctx.content.copy('nudge.status.title'));
        return privateReply(status.text, status.blocks);
      }
      case 'resources':
        return resources(ctx, value);
    }
  },
  actions: {
    async helpful(ctx, input) {
      const copy = ctx.content.copy;
      const vote = parseVote(input.value);
      const nudge = vote && ctx.content.nudges.find((n) => n.id === vote.nudgeId);
      if (!vote || !nudge) return privateReply(copy('nudge.vote.unknown'));
      await ctx.store.nudges.update(ctx.person.id, (state) => withVote(state, nudge.id, vote.helpful, ctx.now));
      return privateReply(vote.helpful ? copy('nudge.vote.yes', { technique: techniqueLabel(copy, nudge.technique).toLowerCase() }) : copy('nudge.vote.no'));
    },
  },
});
