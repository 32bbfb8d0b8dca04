import type { Job } from '../job.js';

/** Every scheduled job. A feature adds its job here. */
export const jobs: Job[] = [];
