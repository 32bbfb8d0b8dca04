import type { CommandContext } from '../core/command.js';
import type { CheckIn } from '../core/model/history.js';
import type { Block } from '../core/reply.js';
import { nudgeAfterCheckIn } from './nudges/after-checkin.js';

/**
 * Run after a check-in is stored; each may add blocks to the confirmation (e.g. a nudge offer).
 * Features register here so the check-in command needs no knowledge of them.
 */
export type AfterCheckIn = (ctx: CommandContext, checkIn: CheckIn) => Promise<Block[]> | Block[];

export const afterCheckInHooks: AfterCheckIn[] = [nudgeAfterCheckIn];
