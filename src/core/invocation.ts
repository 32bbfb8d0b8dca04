import type { Platform } from './model/ids.js';
import type { PersonMention } from './person-arg.js';
import type { PlatformTraits } from './platform-traits.js';

/** Who is asking: an adapter fills this from the platform event. */
export interface Actor {
  /** The person's address and id: `shell:alice`, `slack:T123:U456`, `discord:G1:U2`. */
  id: string;
  platform: Platform;
  /** `shell`, `slack:T123`, `discord:G1`: admins and teams live per workspace. */
  workspace: string;
  displayName: string;
  /** A zone the platform reports (Slack's users.info tz); used only until the person sets one. */
  platformTimeZone?: string;
  /** What the actor's platform can do (its adapter's traits); absent: nothing is assumed. */
  traits?: PlatformTraits;
}

/**
 * Typed text with the people the platform identified in it (mentions) kept as references: a
 * string part is text as typed, a mention part one person. `text` shows each mention as `@name`.
 */
export type TextPart = string | PersonMention;

/** A typed command: text after `/attune`, or options already split by the platform (Discord). */
export interface CommandInvocation {
  kind: 'command';
  actor: Actor;
  /** The words after `/attune`, e.g. `checkin 4 3 2 long day`. */
  text?: string;
  /** The same words with the people the platform identified in them (see TextPart). */
  parts?: TextPart[];
  /** Or the resolved command name and its options (Discord's typed options). */
  command?: string;
  options?: Record<string, unknown>;
  /** The platform's id for this request (event id, interaction id): retried writes are stored once. */
  idempotencyKey?: string;
}

/** A click or a submitted form, routed to `command`'s action handler. */
export interface ActionInvocation {
  kind: 'action';
  actor: Actor;
  command: string;
  action: string;
  /** The clicked button's or chosen option's value. */
  value?: string;
  /** A form's answers by field id. */
  values?: Record<string, string>;
  idempotencyKey?: string;
}

/**
 * Free text a person sent Attune directly (a DM reply): the dispatcher decides whether it is a command
 * (it reads as one) or an answer to today's reflection prompt. Adapters pass the text as it came.
 */
export interface MessageInvocation {
  kind: 'message';
  actor: Actor;
  text: string;
  /** The same text with the people the platform identified in it (see TextPart). */
  parts?: TextPart[];
  idempotencyKey?: string;
}

export type Invocation = CommandInvocation | ActionInvocation | MessageInvocation;
