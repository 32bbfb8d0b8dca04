/**
 * The daily-prompt pass of the scale benchmark as the compiled app runs it (plain node, no TypeScript
 * loader: tsx's transpiler and its cached sources added ~35 MB of RSS of their own before the app even
 * loaded). Built by scale.ts with tsconfig.bench.json; prints one JSON line.
 * Run: node dist/bench/scale/daily-pass.js <data dir>
 */
import { performance } from 'node:perf_hooks';
import { dailyPromptJob } from '../../src/scheduler/jobs/daily-prompt.js';
import { TODAY, NOW } from './shape.js';
import { everyone, openApp } from './store-api.js';

const app = await openApp(process.argv[2]!);
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
console.log(JSON.stringify({ rss: rss / 2 ** 20, peak: peak / 2 ** 20, afterOpen: afterOpen / 2 ** 20, ms, people: people.length }));
