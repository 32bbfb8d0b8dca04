import type { ActionRef } from '../../core/reply.js';

/** What a click does: `act` submits the value to the action; `form` opens the action's form in a modal. */
export type ActionKind = 'act' | 'form';

export interface DecodedActionId extends ActionRef {
  kind: ActionKind;
}

const PREFIX = 'attune';
const SEP = '|';

/**
 * Slack's action_id carries the command and action, so a click needs no server-side state. The index
 * keeps ids unique within one block (Slack requires that); Slack caps action_id at 255 characters.
 */
export function encodeActionId(kind: ActionKind, ref: ActionRef, index: number): string {
  const id = [PREFIX, kind, ref.command, ref.action, String(index)].join(SEP);
  if (id.length > 255) throw new Error(`Action id for ${ref.command}/${ref.action} is over 255 characters`);
  return id;
}

/** Undefined for an id Attune did not make (or a mangled one). */
export function decodeActionId(actionId: string): DecodedActionId | undefined {
  const parts = actionId.split(SEP);
  if (parts.length !== 5 || parts[0] !== PREFIX) return undefined;
  const [, kind, command, action, index] = parts as [string, string, string, string, string];
  if ((kind !== 'act' && kind !== 'form') || !command || !action || !/^\d+$/.test(index)) return undefined;
  return { kind, command, action };
}
