/**
 * The daily-prompt pass of the scale benchmark as the compiled app runs it (plain node, no TypeScript
 * loader: tsx's transpiler and its cached sources added ~35 MB of RSS of their own before the app even
 * loaded). Built by scale.ts with tsconfig.bench.json; prints one JSON line.
 * Run: node dist/bench/scale/daily-pass.js <data dir>
 */
import { dailyPromptPass } from './daily-prompt-pass.js';

console.log(JSON.stringify(await dailyPromptPass(process.argv[2]!)));
