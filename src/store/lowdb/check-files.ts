import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkFile } from './check-file.js';

/** Below this many files the workers' start-up costs more than it saves. */
const INLINE_FILES = 500;

/**
 * Checks every file (parse, schema, derived data), spread over worker threads, one per core: each file
 * is read and parsed once, by one worker. Returns the problems, each naming its file, in file order.
 */
export async function checkFiles(dataDir: string, files: readonly string[]): Promise<string[]> {
  const workers = Math.min(availableParallelism(), Math.ceil(files.length / INLINE_FILES));
  if (workers <= 1) {
    const bad: string[] = [];
    for (const file of files) {
      const problem = checkFile(dataDir, file);
      if (problem) bad.push(problem);
    }
    return bad;
  }
  // Under tsx this module is .ts and so is its worker (which then needs tsx's loader too); compiled, both are .js.
  const typescript = import.meta.url.endsWith('.ts');
  const worker = new URL(`./check-worker${typescript ? '.ts' : '.js'}`, import.meta.url);
  const slices = Array.from({ length: workers }, (_, w) => files.filter((_, i) => i % workers === w));
  const results = await Promise.all(
    slices.map(
      (slice) =>
        new Promise<string[]>((resolve, reject) => {
          const data = { workerData: { dataDir, files: slice } };
          const thread = typescript ? new Worker(viaTsx(worker), { ...data, eval: true }) : new Worker(worker, data);
          thread.once('message', resolve);
          thread.once('error', reject);
          thread.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`a store:check worker stopped (exit ${code})`))));
        }),
    ),
  );
  const order = new Map(files.map((f, i) => [f, i]));
  const position = (problem: string) => order.get(files.find((f) => problem.startsWith(`${f}:`)) ?? '') ?? 0;
  return results.flat().sort((a, b) => position(a) - position(b));
}

/** A worker's code that registers tsx's loader (which Node 20 does not carry into workers) and then runs the TypeScript worker. */
function viaTsx(worker: URL): string {
  const api = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker.href)}); });`;
}
