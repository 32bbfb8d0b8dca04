import type { Adapter, SendResult } from './adapter.js';
import { platformOf, type Platform } from './model/ids.js';
import type { Outbox } from './outbox.js';
import type { Reply } from './reply.js';

/** An adapter that can open one conversation with several people. */
export interface GroupCapable {
  sendGroup(personIds: string[], reply: Reply): Promise<SendResult>;
}

/** Routes each message to the adapter of the person's platform. Adapters attach as they start. */
export class DirectOutbox implements Outbox {
  private readonly adapters = new Map<Platform, Adapter & Partial<GroupCapable>>();

  attach(adapter: Adapter & Partial<GroupCapable>): void {
    this.adapters.set(adapter.platform, adapter);
  }

  async send(personId: string, reply: Reply): Promise<SendResult> {
    const adapter = this.adapters.get(platformOf(personId));
    if (!adapter) return { ok: false, permanent: true, error: `no ${platformOf(personId)} adapter is running` };
    return adapter.send(personId, reply);
  }

  /** True when one adapter sends to all of them in one call (a group DM); otherwise sendGroup sends one DM each. */
  canGroup(personIds: string[]): boolean {
    return Boolean(this.groupAdapter(personIds));
  }

  private groupAdapter(personIds: string[]): GroupCapable | undefined {
    const platforms = new Set(personIds.map(platformOf));
    const [only] = platforms;
    const adapter = only && platforms.size === 1 ? this.adapters.get(only) : undefined;
    return adapter?.sendGroup ? (adapter as GroupCapable) : undefined;
  }

  async sendGroup(personIds: string[], reply: Reply): Promise<SendResult> {
    const adapter = this.groupAdapter(personIds);
    if (adapter) return adapter.sendGroup(personIds, reply);
    const results = await Promise.all(personIds.map((id) => this.send(id, reply)));
    return results.find((r) => !r.ok) ?? { ok: true };
  }
}

/** An outbox that keeps what was sent: for tests and benchmarks. */
export class RecordingOutbox implements Outbox {
  readonly sent: Array<{ to: string[]; reply: Reply }> = [];

  async send(personId: string, reply: Reply): Promise<SendResult> {
    this.sent.push({ to: [personId], reply });
    return { ok: true };
  }

  async sendGroup(personIds: string[], reply: Reply): Promise<SendResult> {
    this.sent.push({ to: [...personIds], reply });
    return { ok: true };
  }
}
