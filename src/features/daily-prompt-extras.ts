import type { AppContext } from '../core/app-context.js';
import type { Person } from '../core/model/person.js';
import type { Block } from '../core/reply.js';
import type { LocalDate } from '../core/time.js';
import { nudgeWithDailyPrompt } from './nudges/prompt-extra.js';

/** Blocks appended to a person's scheduled daily prompt (e.g. a nudge after a hard stretch). */
export type DailyPromptExtra = (app: AppContext, person: Person, localDate: LocalDate) => Promise<Block[]> | Block[];

export const dailyPromptExtras: DailyPromptExtra[] = [nudgeWithDailyPrompt];
