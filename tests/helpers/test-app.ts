import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { testConfig, type AppConfig } from '../../src/config.js';
import { ManualClock } from '../../src/core/clock.js';
import type { Actor } from '../../src/core/invocation.js';
import { silentLogger } from '../../src/logger.js';
import { RecordingOutbox } from '../../src/core/direct-outbox.js';
import { seededRandom } from '../../src/core/seeded-random.js';
import { SHELL_TRAITS } from '../../src/adapters/shell/shell-traits.js';

export interface TestApp extends App {
  clock: ManualClock;
  dataDir: string;
  /** What Attune sent on its own initiative (intros, scheduled messages), in order: relayed from the store's outbox. */
  outbox: App['outbox'] & { sent: RecordingOutbox['sent'] };
  /** Closes the store and removes the data directory. */
  cleanup(): Promise<void>;
}

/** A real app over a fresh temporary data directory and a manual clock (default 2026-03-02 10:00 UTC, a Monday). */
export async function makeTestApp(opts: { now?: string; config?: Partial<AppConfig>; seed?: number } = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'attune-test-'));
  const clock = new ManualClock(opts.now ?? '2026-03-02T10:00:00Z');
  const config = testConfig({ dataDir, defaultTimeZone: 'UTC', ...opts.config });
  const outbox = new RecordingOutbox();
  // The digest's privacy noise comes from a seeded generator, so every run draws the same noise.
  const app = await createApp({ config, clock, log: silentLogger, outbox, random: seededRandom(opts.seed ?? 1) });
  const testApp: TestApp = {
    ...app,
    clock,
    // The app's relay (it sends what features queue, after each commit) with what reached the recording.
    outbox: Object.assign(app.outbox, { sent: outbox.sent }),
    dataDir,
    async cleanup() {
      // A test may have reopened the store (testApp.store = ...): close that one too, or its lock outlives the folder.
      await app.store.close();
      await testApp.store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return testApp;
}

export function shellActor(name: string): Actor {
  return { id: `shell:${name}`, platform: 'shell', workspace: 'shell', displayName: name, traits: SHELL_TRAITS };
}

/** Runs a command as a shell person and returns the reply. */
export async function run(app: App, name: string, text: string) {
  return (await app.dispatcher.dispatch({ kind: 'command', actor: shellActor(name), text })).reply;
}

/** Clicks a button / submits a form as a shell person. */
export async function act(app: App, name: string, command: string, action: string, input: { value?: string; values?: Record<string, string> }) {
  return (await app.dispatcher.dispatch({ kind: 'action', actor: shellActor(name), command, action, ...input })).reply;
}
