import type { Job } from '../job.js';
import { checkinReminderJob } from './checkin-reminder.js';
import { dailyPromptJob } from './daily-prompt.js';

/** Every scheduled job. A feature adds its job here. */
export const jobs: Job[] = [dailyPromptJob, checkinReminderJob];
