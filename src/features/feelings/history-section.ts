import { text } from '../../core/reply.js';
import { addDays } from '../../core/time.js';
import type { HistorySection } from '../history-sections.js';

export const FEELING_DAYS = 30;

/** A line in `history`: the feelings the person named lately, most often first. Only their own. */
export const feelingHistorySection: HistorySection = (ctx, { checkins }) => {
  const from = addDays(ctx.today, -(FEELING_DAYS - 1));
  const counts = new Map<string, number>();
  for (const c of checkins) {
    if (c.personId !== ctx.person.id || !c.feeling || c.localDate < from) continue;
    counts.set(c.feeling, (counts.get(c.feeling) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  const wordOf = (id: string) => ctx.content.feelings.words.find((w) => w.id === id)?.word.toLowerCase() ?? id;
  const list = [...counts]
    .sort((a, b) => b[1] - a[1] || wordOf(a[0]).localeCompare(wordOf(b[0])))
    .map(([id, n]) => (n > 1 ? `${wordOf(id)} ×${n}` : wordOf(id)))
    .join(', ');
  return [text(ctx.content.copy('feeling.historyLine', { days: FEELING_DAYS, list }))];
};
