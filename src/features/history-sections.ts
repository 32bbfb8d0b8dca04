import type { CommandContext } from '../core/command.js';
import type { CheckIn, Reflection } from '../core/model/history.js';
import type { Block } from '../core/reply.js';
import { checkInHistorySection } from './checkin/history-section.js';
import { digestHistorySection } from './digest/history-section.js';
import { nudgeHistorySection } from './nudges/history-section.js';

/**
 * Extra sections of `history`, in order. A feature adds one here (check-in trends, nudges, ...)
 * instead of editing the history command.
 */
export type HistorySection = (ctx: CommandContext, data: { checkins: CheckIn[]; reflections: Reflection[] }) => Promise<Block[]> | Block[];

export const historySections: HistorySection[] = [checkInHistorySection, nudgeHistorySection, digestHistorySection];
