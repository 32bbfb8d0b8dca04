import type { ActionRef } from '../../core/reply.js';

/** Discord's cap on a component's custom_id. */
export const MAX_CUSTOM_ID = 100;

/**
 * What a component's custom_id stands for:
 * - `a|<block>|<command>|<action>[|<value>]`: a button (with its value) or a select (value chosen) for an action;
 * - `f|<token>`: a button that opens the stored form `token` as a modal;
 * - `m|<token>`: the submitted modal of form `token`.
 * The block id keeps ids unique within a message when two blocks share an action.
 */
export type CustomId =
  | { kind: 'action'; blockId: string; command: string; action: string; value?: string }
  | { kind: 'form'; token: string }
  | { kind: 'modal'; token: string };

export function actionCustomId(blockId: string, ref: ActionRef, value?: string): string {
  return ['a', blockId, ref.command, ref.action, ...(value !== undefined ? [value] : [])].join('|');
}

export const formCustomId = (token: string): string => `f|${token}`;
export const modalCustomId = (token: string): string => `m|${token}`;

const COMMAND = /^[a-z][a-z-]*( [a-z][a-z-]*)?$/;
const WORD = /^[A-Za-z0-9_.:-]{1,64}$/;
const TOKEN = /^[A-Za-z0-9_-]{4,40}$/;

/** Reads a custom_id; undefined for anything Attune did not make (or made by an older, different scheme). */
export function parseCustomId(id: string): CustomId | undefined {
  const parts = id.split('|');
  if ((parts[0] === 'f' || parts[0] === 'm') && parts.length === 2 && TOKEN.test(parts[1]!)) {
    return { kind: parts[0] === 'f' ? 'form' : 'modal', token: parts[1]! };
  }
  if (parts[0] !== 'a' || parts.length < 4) return undefined;
  const [, blockId = '', command = '', action = ''] = parts;
  if (!WORD.test(blockId) || !COMMAND.test(command) || !WORD.test(action)) return undefined;
  return parts.length > 4 ? { kind: 'action', blockId, command, action, value: parts.slice(4).join('|') } : { kind: 'action', blockId, command, action };
}
