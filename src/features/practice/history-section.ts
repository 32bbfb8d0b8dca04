import { EI_COMPONENTS } from '../../core/model/history.js';
import { text } from '../../core/reply.js';
import type { HistorySection } from '../history-sections.js';
import { componentLabel } from '../labels.js';

/** A line in `history`: practice sessions by skill, and thank-yous sent and received. Only the person's own. */
export const practiceHistorySection: HistorySection = (ctx) => {
  const mine = ctx.store.practice().people[ctx.person.id];
  if (!mine) return [];
  const copy = ctx.content.copy;
  const lines: string[] = [];
  if (mine.sessions.length || Object.keys(mine.counts).length) {
    const solo = mine.sessions.filter((s) => s.mode === 'solo').length;
    const peer = mine.sessions.filter((s) => s.mode === 'peer').length;
    const bySkill = EI_COMPONENTS.filter((c) => mine.counts[c]).map((c) => copy('practice.history.skill', { skill: componentLabel(c), count: mine.counts[c]! }));
    lines.push(copy('practice.history.line', { solo, peer, skills: bySkill.join(', ') }));
  }
  if (mine.thanksSent.length || mine.thanksReceived.length) {
    lines.push(copy('thanks.history', { sent: mine.thanksSent.length, received: mine.thanksReceived.length }));
  }
  return lines.length ? [text(lines.join('\n'))] : [];
};
