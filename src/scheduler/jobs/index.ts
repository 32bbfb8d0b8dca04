import type { Job } from '../job.js';
import { weeklyDigestJob } from './weekly-digest.js';

/** Every scheduled job. A feature adds its job here. */
export const jobs: Job[] = [weeklyDigestJob];
