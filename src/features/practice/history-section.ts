import { EI_COMPONENTS } from '../../core/model/history.js';
import { text } from '../../core/reply.js';
import type { HistorySection } from '../history-sections.js';
import { componentLabel } from '../labels.js';

/** A line in `history`: practice sessions by skill, and thank-yous sent and received. Only the person's own. */
export const practiceHistorySection: HistorySection = async (ctx) => {
  const me = ctx.person.id;
  const [mine, sent, received] = await Promise.all([ctx.store.practice.people.get(me), ctx.store.practice.thanks.list({ from: me }), ctx.store.practice.thanks.list({ to: me })]);
  const copy = ctx.content.copy;
  const lines: string[] = [];
  if (mine && (mine.sessions.length || Object.keys(mine.counts).length)) {
    const solo = mine.sessions.filter((s) => s.mode === 'solo').length;
    const peer = mine.sessions.filter((s) => s.mode === 'peer').length;
    const bySkill = EI_COMPONENTS.filter((c) => mine.counts[c]).map((c) => copy('practice.history.skill', { skill: componentLabel(c), count: mine.counts[c]! }));
    lines.push(copy('practice.history.line', { solo, peer, skills: bySkill.join(', ') }));
  }
  if (sent.length || received.length) {
    lines.push(copy('thanks.history', { sent: sent.length, received: received.length }));
  }
  return lines.length ? [text(lines.join('\n'))] : [];
};
