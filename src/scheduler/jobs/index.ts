import type { Job } from '../job.js';
import { dailyNudgeJob } from './daily-nudge.js';

/** Every scheduled job. A feature adds its job here. */
export const jobs: Job[] = [dailyNudgeJob];
