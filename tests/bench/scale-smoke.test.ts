import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const GOALS = [
  'checkin-write-vs-sqlite',
  'checkin-write-vs-1k',
  'person-write',
  'event-claim',
  'event-loop-stall',
  'cold-start-help',
  'daily-prompt-rss',
  'digest-cold',
  'digest-warm',
  'privacy-export',
  'privacy-delete',
  'store-check',
];

it('npm run bench -- scale --small seeds both engines and prints every goal line (figures unchecked: they mean nothing small)', { timeout: 600_000 }, async () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/scale.ts', '--small'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(err).not.toContain('failed');
  expect(code).toBe(0);
  const lines = out.trim().split('\n');
  expect(lines.map((l) => /^goal ([a-z0-9-]+): /.exec(l)?.[1])).toEqual(GOALS);
  for (const line of lines) expect(line).toMatch(/^goal [a-z0-9-]+: .+ \(target [^)]+\): (met|missed)$/);
});
