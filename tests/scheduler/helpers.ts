import type { SendResult } from '../../src/core/adapter.js';
import type { Clock, ManualClock } from '../../src/core/clock.js';
import { PersonSchema, type Person } from '../../src/core/model/person.js';
import type { Outbox } from '../../src/core/outbox.js';
import type { Reply } from '../../src/core/reply.js';
import type { Scheduler } from '../../src/scheduler/scheduler.js';
import type { TestApp } from '../helpers/test-app.js';
import { putPerson } from '../helpers/seed.js';

/** Stores a shell person who joined long ago, with the given schedule fields. */
export async function addPerson(app: TestApp, name: string, fields: Partial<Person> = {}): Promise<Person> {
  return putPerson(app.store, 
    PersonSchema.parse({ id: `shell:${name}`, workspace: 'shell', name, createdAt: '2026-01-01T00:00:00Z', ...fields }),
  );
}

/** An outbox that records who got what and when (by the app's clock). */
export class TimedOutbox implements Outbox {
  readonly sent: Array<{ to: string; at: string; text: string }> = [];
  constructor(
    private readonly clock: Clock,
    private readonly result: () => SendResult = () => ({ ok: true }),
  ) {}

  async send(personId: string, reply: Reply): Promise<SendResult> {
    this.sent.push({ to: personId, at: this.clock.now().toISOString(), text: reply.text });
    return this.result();
  }

  async sendGroup(personIds: string[], reply: Reply): Promise<SendResult> {
    for (const id of personIds) await this.send(id, reply);
    return this.result();
  }
}

/** Moves the clock from `from` to `to` in steps, ticking the scheduler at each step (no sleeping). */
export async function tickThrough(clock: ManualClock, scheduler: Scheduler, from: string, to: string, stepMinutes = 1): Promise<void> {
  const end = new Date(to).getTime();
  for (let t = new Date(from).getTime(); t <= end; t += stepMinutes * 60_000) {
    clock.set(new Date(t));
    await scheduler.tick(new Date(t));
  }
}

/** "who job @ time" lines of what was sent, for exact comparisons. */
export function sentLines(outbox: TimedOutbox): string[] {
  return outbox.sent.map((s) => `${s.to.replace('shell:', '')} ${kind(s.text)} @ ${s.at.replace(':00.000Z', 'Z')}`);
}

function kind(text: string): string {
  if (text.startsWith("Today's reflection")) return 'prompt';
  if (text.startsWith('Time for a quick check-in')) return 'reminder';
  return text.slice(0, 20);
}
