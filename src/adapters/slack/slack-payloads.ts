import { z } from 'zod';

/** The parts of Slack's payloads Attune reads. A payload missing them is refused with a clear message. */
export const SlashCommandPayload = z.object({
  team_id: z.string().min(1),
  user_id: z.string().min(1),
  user_name: z.string().optional(),
  text: z.string().default(''),
  trigger_id: z.string().min(1),
  response_url: z.string().url(),
});
export type SlashCommandPayload = z.infer<typeof SlashCommandPayload>;

const User = z.object({ id: z.string().min(1), name: z.string().optional(), username: z.string().optional(), team_id: z.string().optional() });
const Team = z.object({ id: z.string().min(1) }).nullish();

export const BlockActionsPayload = z.object({
  type: z.literal('block_actions'),
  team: Team,
  user: User,
  trigger_id: z.string().min(1),
  response_url: z.string().url().optional(),
  actions: z
    .array(
      z.object({
        action_id: z.string().min(1),
        action_ts: z.string().min(1),
        value: z.string().optional(),
        selected_option: z.object({ value: z.string() }).nullish(),
      }),
    )
    .min(1),
  view: z.object({ type: z.string() }).optional(),
  /** Where the clicked message is: a message in Attune's DM gets its answer there, as a message that stays. */
  container: z.object({ type: z.string().optional(), channel_id: z.string().optional(), is_ephemeral: z.boolean().optional() }).optional(),
  channel: z.object({ id: z.string() }).nullish(),
});
export type BlockActionsPayload = z.infer<typeof BlockActionsPayload>;

export const ViewSubmissionPayload = z.object({
  type: z.literal('view_submission'),
  team: Team,
  user: User,
  view: z.object({
    id: z.string().min(1),
    hash: z.string().min(1),
    private_metadata: z.string().optional(),
    blocks: z.array(z.unknown()).default([]),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), z.object({ type: z.string().optional(), value: z.string().nullish(), selected_option: z.object({ value: z.string() }).nullish() }))) }),
  }),
});
export type ViewSubmissionPayload = z.infer<typeof ViewSubmissionPayload>;

export const EventEnvelope = z.object({
  team_id: z.string().min(1),
  event_id: z.string().min(1),
});

export const AppHomeOpened = z.object({ type: z.literal('app_home_opened'), user: z.string().min(1), tab: z.string().optional() });

export const DirectMessage = z.object({
  type: z.literal('message'),
  channel: z.string().min(1),
  channel_type: z.literal('im'),
  user: z.string().min(1),
  text: z.string().min(1),
  // A plain message by a person: no subtype (edits, joins...) and no bot.
  subtype: z.never().optional(),
  bot_id: z.never().optional(),
});

/** The team of an interaction: `team` is null for org-wide installs, where the user's own team tells. */
export function teamOf(payload: { team?: { id: string } | null; user: { team_id?: string | undefined } }): string | undefined {
  return payload.team?.id ?? payload.user.team_id;
}
