import type { ActionRef } from '../../core/reply.js';
import type { HomeSummary } from '../../features/home-summary.js';
import { encodeActionId } from './action-id.js';
import { escapeMrkdwn, mrkdwn, plain, SLACK, type SlackBlock } from './block-kit.js';

export interface HomeLabels {
  title: string;
  intro: string;
  streak: string;
  streakValue(days: number): string;
  lastCheckIn: string;
  lastCheckInValue(c: NonNullable<HomeSummary['lastCheckIn']>): string;
  lastReflection: string;
  lastReflectionValue(r: NonNullable<HomeSummary['lastReflection']>): string;
  none: string;
  reflectNow: string;
  checkInNow: string;
  digests: string;
  digestButton(team: string): string;
  privacy: string;
}

/** Which buttons App Home can offer: only commands present in the registry. */
export interface HomeCommands {
  reflect: boolean;
  checkin: boolean;
  digest: boolean;
}

const run = (command: string): ActionRef => ({ command, action: 'run' });

/** The App Home tab: the person's own streak and latest entries, "do it now" buttons, and digests they may read. Pure. */
export function renderHome(summary: HomeSummary, commands: HomeCommands, labels: HomeLabels): Record<string, unknown> {
  const blocks: SlackBlock[] = [
    { type: 'header', text: { ...plain(labels.title, SLACK.headerText), emoji: true } },
    { type: 'section', text: mrkdwn(escapeMrkdwn(labels.intro)) },
    {
      type: 'section',
      fields: [
        mrkdwn(`*${escapeMrkdwn(labels.streak)}*\n${escapeMrkdwn(labels.streakValue(summary.streak))}`),
        mrkdwn(`*${escapeMrkdwn(labels.lastCheckIn)}*\n${escapeMrkdwn(summary.lastCheckIn ? labels.lastCheckInValue(summary.lastCheckIn) : labels.none)}`),
        mrkdwn(`*${escapeMrkdwn(labels.lastReflection)}*\n${escapeMrkdwn(summary.lastReflection ? labels.lastReflectionValue(summary.lastReflection) : labels.none)}`),
      ],
    },
  ];
  const now = [];
  if (commands.reflect) now.push({ type: 'button', text: plain(labels.reflectNow, SLACK.buttonText), action_id: encodeActionId('act', run('reflect'), 0), style: 'primary' });
  if (commands.checkin) now.push({ type: 'button', text: plain(labels.checkInNow, SLACK.buttonText), action_id: encodeActionId('act', run('checkin'), 1) });
  if (now.length) blocks.push({ type: 'actions', block_id: 'home_now', elements: now });
  if (commands.digest && summary.teams.length) {
    blocks.push({ type: 'divider' }, { type: 'section', text: mrkdwn(`*${escapeMrkdwn(labels.digests)}*`) });
    // An actions block holds at most 25 elements.
    for (let i = 0; i < summary.teams.length; i += 25) {
      blocks.push({
        type: 'actions',
        block_id: `home_digests_${i / 25}`,
        elements: summary.teams.slice(i, i + 25).map((t, j) => ({ type: 'button', text: plain(labels.digestButton(t.name), SLACK.buttonText), action_id: encodeActionId('act', run('digest'), i + j), value: t.slug })),
      });
    }
  }
  blocks.push({ type: 'context', elements: [mrkdwn(escapeMrkdwn(labels.privacy))] });
  return { type: 'home', blocks };
}
