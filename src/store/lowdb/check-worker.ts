// One worker of `npm run store:check`: checks the files it is given and posts back what is wrong.
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile } from './check-file.js';

const { dataDir, files } = workerData as { dataDir: string; files: string[] };
const bad: string[] = [];
for (const file of files) {
  const problem = checkFile(dataDir, file);
  if (problem) bad.push(problem);
}
parentPort!.postMessage(bad);
