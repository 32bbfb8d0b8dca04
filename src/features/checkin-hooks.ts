import type { CommandContext } from '../core/command.js';
import type { CheckIn } from '../core/model/history.js';
import type { Block } from '../core/reply.js';
import { nudgeAfterCheckIn } from './nudges/after-checkin.js';
import { supportAfterCheckIn } from './nudges/support.js';

/**
 * Run after a check-in is stored; each may add blocks to the confirmation (e.g. a nudge offer).
 * Features register here so the check-in command needs no knowledge of them.
 */
export type AfterCheckIn = (ctx: CommandContext, checkIn: CheckIn) => Promise<Block[]> | Block[];

export const afterCheckInHooks: AfterCheckIn[] = [nudgeAfterCheckIn];

/**
 * Run before anything else. When one returns blocks they are shown first and alone, with only the
 * line saying the check-in was saved: no team questions, no exercise, no buttons (the support path).
 */
export const firstAfterCheckIn: AfterCheckIn[] = [supportAfterCheckIn];
