import { performance } from 'node:perf_hooks';
import { dailyPromptJob } from '../../src/scheduler/jobs/daily-prompt.js';
import { TODAY, NOW } from './shape.js';
import { everyone, openApp } from './store-api.js';

/** RSS (MB) after preparing today's prompt for everyone, as the daily-prompt job does at send time; RSS once the store was open beside it. */
export async function dailyPromptPass(dir: string): Promise<Record<string, number>> {
  const app = await openApp(dir);
  const people = await everyone(app);
  const afterOpen = process.memoryUsage().rss;
  const t0 = performance.now();
  let peak = afterOpen;
  for (const p of people) {
    await dailyPromptJob.what(app, { personId: p.id, key: 'daily-prompt', localDate: TODAY, dueAt: new Date(NOW) });
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const ms = performance.now() - t0;
  const rss = process.memoryUsage().rss;
  await app.store.close();
  return { rss: rss / 2 ** 20, peak: peak / 2 ** 20, afterOpen: afterOpen / 2 ** 20, ms, people: people.length };
}
