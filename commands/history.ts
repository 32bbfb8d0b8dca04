import { z } from 'zod';
import { defineCommand, type CommandContext } from '../src/core/command.js';
import { EI_COMPONENTS } from '../src/core/model/history.js';
import { fields, heading, reply, text, type Block } from '../src/core/reply.js';
import { addDays } from '../src/core/time.js';
import { componentLabel } from '../src/features/labels.js';
import { streak } from '../src/features/streak.js';
import { historySections, standaloneSections } from '../src/features/history-sections.js';

const WINDOW_DAYS = 90;
const RECENT = 5;
/** `history reflections [n]`: how many by default and at most (so the reply fits every platform). */
const MORE_DEFAULT = 15;
const MORE_MAX = 15;
/** How far back `history reflections` looks. */
const MORE_DAYS = 365;
const USAGE = '/attune history [reflections [count]]';

export default defineCommand({
  name: 'history',
  description: 'Your streak, recent entries and reflections by EI component',
  usage: USAGE,
  examples: ['history', 'history reflections', 'history reflections 10'],
  audience: 'member',
  args: z.object({
    view: z.enum(['reflections'], { message: 'the only view is "reflections"' }).optional().describe('"reflections" to list more of your reflections'),
    count: z.coerce
      .number({ message: `use a whole number from 1 to ${MORE_MAX}` })
      .int({ message: `use a whole number from 1 to ${MORE_MAX}` })
      .min(1, { message: `use a whole number from 1 to ${MORE_MAX}` })
      .max(MORE_MAX, { message: `use a whole number from 1 to ${MORE_MAX}` })
      .optional()
      .describe(`How many reflections, 1-${MORE_MAX}`),
  }),
  parse: { positional: ['view', 'count'] },
  async run(ctx, args) {
    if (args.view === 'reflections') return moreReflections(ctx, args.count ?? MORE_DEFAULT);
    const { store, person, today, content } = ctx;
    const range = { from: addDays(today, -WINDOW_DAYS), to: today };
    const [reflections, checkins] = await Promise.all([store.history.reflections(person.id, range), store.history.checkIns(person.id, range)]);
    const active = new Set([...reflections, ...checkins].map((r) => r.localDate));
    const days = streak(active, today, person.workingDays);
    const copy = content.copy;

    const standalone = await Promise.all(standaloneSections.map((section) => section(ctx, { checkins, reflections })));
    if (reflections.length === 0 && checkins.length === 0 && standalone.every((section) => section.length === 0)) {
      return reply(copy('history.empty'), [], { private: true });
    }

    const byComponent = EI_COMPONENTS.map((c) => [c, reflections.filter((r) => r.component === c).length] as const);
    const componentLine = byComponent.map(([c, n]) => `${componentLabel(c)} ${n}`).join(' · ');
    const recent = reflections.slice(-RECENT).reverse();
    const promptText = (id: string) => content.reflections.find((p) => p.id === id)?.text ?? '(a prompt no longer in the library)';
    const recentLines = recent.map((r) => `${r.localDate} · ${componentLabel(r.component)}: ${promptText(r.promptId)}\n  ${clip(r.answer)}`);

    const blocks: Block[] = [
      heading(copy('history.title')),
      fields([
        [copy('history.streak'), copy('history.streakValue', { days })],
        [copy('history.reflections', { days: WINDOW_DAYS }), String(reflections.length)],
      ]),
      text(`${copy('history.byComponent')}: ${componentLine}`),
    ];
    const more = reflections.length > RECENT ? [copy('history.recentMore', { count: MORE_DEFAULT })] : [];
    if (recentLines.length) blocks.push(text([copy('history.recent'), ...recentLines, ...more].join('\n')));
    const extra = await Promise.all(historySections.map((section) => section(ctx, { checkins, reflections })));
    for (const section of extra) blocks.push(...section);

    const fallback = [
      copy('history.title'),
      `${copy('history.streak')}: ${copy('history.streakValue', { days })}`,
      `${copy('history.byComponent')}: ${componentLine}`,
      ...(recentLines.length ? [copy('history.recent'), ...recentLines, ...more] : []),
      ...extra.flat().flatMap((b) => (b.type === 'text' ? [b.text] : [])),
    ].join('\n');
    return reply(fallback, blocks, { private: true });
  },
});

function clip(answer: string, max = 200): string {
  const oneLine = answer.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 3)}...` : oneLine;
}

/** The person's latest reflections, newest first, one block each, clipped so the reply fits Discord's embed budget. */
async function moreReflections(ctx: CommandContext, count: number) {
  const { store, person, today, content } = ctx;
  const copy = content.copy;
  const all = await store.history.reflections(person.id, { from: addDays(today, -MORE_DAYS), to: today });
  if (all.length === 0) return reply(copy('history.moreNone', { days: MORE_DAYS }), [], { private: true });
  const shown = all.slice(-count).reverse();
  const promptText = (id: string) => content.reflections.find((p) => p.id === id)?.text ?? '(a prompt no longer in the library)';
  const entries = shown.map((r) => `${r.localDate} · ${componentLabel(r.component)}: ${clip(promptText(r.promptId), 110)}\n  ${clip(r.answer, 170)}`);
  const title = copy('history.moreTitle', { count: shown.length, total: all.length, days: MORE_DAYS });
  return reply([title, ...entries].join('\n'), [heading(title), ...entries.map((e) => text(e))], { private: true });
}
