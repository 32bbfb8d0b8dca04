import type { Copy } from '../../content/copy.js';
import type { Nudge } from '../../content/nudges.js';
import { heading, text, type Block } from '../../core/reply.js';
import { componentLabel } from '../labels.js';

export const HELPFUL_ACTION = { command: 'nudge', action: 'helpful' } as const;

/** A vote button's value: `yes:br-01` or `no:br-01`, short enough for every platform. */
export const voteValue = (helpful: boolean, nudgeId: string): string => `${helpful ? 'yes' : 'no'}:${nudgeId}`;

export function parseVote(value: string | undefined): { helpful: boolean; nudgeId: string } | undefined {
  const m = /^(yes|no):([a-z]{2}-\d{2})$/.exec(value ?? '');
  return m ? { helpful: m[1] === 'yes', nudgeId: m[2]! } : undefined;
}

export const techniqueLabel = (copy: Copy, technique: Nudge['technique']): string => copy(`nudge.technique.${technique}`);

function meta(copy: Copy, nudge: Nudge): string {
  return copy('nudge.meta', { technique: techniqueLabel(copy, nudge.technique), minutes: nudge.minutes, component: componentLabel(nudge.component) });
}

const steps = (nudge: Nudge): string => nudge.steps.map((s, i) => `${i + 1}. ${s}`).join('\n');

/** The nudge as blocks: title, what it is, numbered steps, and "Was this helpful?" buttons. */
export function nudgeBlocks(copy: Copy, nudge: Nudge): Block[] {
  return [
    heading(nudge.title),
    text(meta(copy, nudge), 'muted'),
    text(steps(nudge)),
    {
      type: 'choice',
      id: 'nudge-helpful',
      label: copy('nudge.helpfulLabel'),
      style: 'buttons',
      options: [
        { label: copy('nudge.helpfulYes'), value: voteValue(true, nudge.id) },
        { label: copy('nudge.helpfulNo'), value: voteValue(false, nudge.id) },
      ],
      action: HELPFUL_ACTION,
    },
  ];
}

/** The nudge as plain text, for a reply's fallback. */
export function nudgeText(copy: Copy, nudge: Nudge): string {
  return `${nudge.title} (${meta(copy, nudge)})\n${steps(nudge)}`;
}
