import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { EI_COMPONENTS } from '../src/core/model/history.js';
import { fields, heading, reply, text, type Block } from '../src/core/reply.js';
import { addDays } from '../src/core/time.js';
import { componentLabel } from '../src/features/labels.js';
import { streak } from '../src/features/streak.js';
import { historySections } from '../src/features/history-sections.js';

const WINDOW_DAYS = 90;
const RECENT = 5;

export default defineCommand({
  name: 'history',
  description: 'Your streak, recent entries and reflections by EI component',
  usage: '/attune history',
  audience: 'member',
  args: z.object({}),
  async run(ctx) {
    const { store, person, today, content } = ctx;
    const range = { from: addDays(today, -WINDOW_DAYS), to: today };
    const [reflections, checkins] = await Promise.all([store.history.reflections(person.id, range), store.history.checkIns(person.id, range)]);
    const active = new Set([...reflections, ...checkins].map((r) => r.localDate));
    const days = streak(active, today, person.workingDays);
    const copy = content.copy;

    if (reflections.length === 0 && checkins.length === 0) {
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
    if (recentLines.length) blocks.push(text(`${copy('history.recent')}\n${recentLines.join('\n')}`));
    const extra = await Promise.all(historySections.map((section) => section(ctx, { checkins, reflections })));
    for (const section of extra) blocks.push(...section);

    const fallback = [
      copy('history.title'),
      `${copy('history.streak')}: ${copy('history.streakValue', { days })}`,
      `${copy('history.byComponent')}: ${componentLine}`,
      ...(recentLines.length ? [copy('history.recent'), ...recentLines] : []),
      ...extra.flat().flatMap((b) => (b.type === 'text' ? [b.text] : [])),
    ].join('\n');
    return reply(fallback, blocks, { private: true });
  },
});

function clip(answer: string): string {
  const oneLine = answer.replace(/\s+/g, ' ');
  return oneLine.length > 200 ? `${oneLine.slice(0, 197)}...` : oneLine;
}
