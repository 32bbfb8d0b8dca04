import path from 'node:path';
import { z } from 'zod';
import { replyFromJson, replyToJson } from '../../core/reply-json.js';
import type { OutboxEntry, OutboxRepository, QueuedMessage } from '../../core/store/index.js';
import type { ZodType } from 'zod';
import type { JsonDocument } from './json-document.js';

/** What the outbox needs of the engine: its data directory, documents, and the write path transactions join. */
export interface OutboxEngine {
  readonly dataDir: string;
  openDoc<T>(file: string, schema: ZodType<T>, defaults: () => T): Promise<JsonDocument<T>>;
  mutate<T, R>(doc: JsonDocument<T>, change: (data: T) => R): Promise<R>;
  /** Registers documents close() must flush. */
  hold?(holder: { loaded(): Iterable<JsonDocument<OutboxFile>> }): void;
}

const MessageSchema = z.object({
  id: z.string(),
  recipients: z.array(z.string()),
  group: z.boolean(),
  /** The reply as JSON (bytes as base64); emptied once sent. */
  reply: z.unknown(),
  createdAt: z.string(),
  claimedBy: z.string().optional(),
  claimedAt: z.string().optional(),
  doneAt: z.string().optional(),
  outcome: z.string().optional(),
});

const OutboxFileSchema = z.object({
  version: z.literal(1),
  nextId: z.number().int().nonnegative(),
  /** By key: the same decision written twice is one message. */
  messages: z.record(z.string(), MessageSchema),
});
export type OutboxFile = z.infer<typeof OutboxFileSchema>;
type Message = z.infer<typeof MessageSchema>;

export const OUTBOX_FILE = 'outbox.json';

const platformOf = (recipient: string | undefined) => (recipient ?? '').split(':')[0] ?? '';

/**
 * The outbox in one file (outbox.json). Its writes join the open transaction like every other
 * document, so a message is on disk exactly when the change that decided it is. One process owns the
 * data directory; claims are synchronous changes in memory, so two relays never claim one message.
 */
export class LowdbOutbox implements OutboxRepository {
  private opened: Promise<JsonDocument<OutboxFile>> | undefined;
  private loaded: JsonDocument<OutboxFile> | undefined;

  constructor(private readonly engine: OutboxEngine) {
    engine.hold?.({ loaded: () => (this.loaded ? [this.loaded] : []) });
  }

  private async doc(): Promise<JsonDocument<OutboxFile>> {
    this.opened ??= this.engine
      .openDoc(path.join(this.engine.dataDir, OUTBOX_FILE), OutboxFileSchema, () => ({ version: 1 as const, nextId: 1, messages: {} }))
      .then((d) => (this.loaded = d));
    return this.opened;
  }

  async enqueue(entry: OutboxEntry, now: Date): Promise<boolean> {
    const reply = JSON.parse(replyToJson(entry.reply)) as unknown;
    return this.engine.mutate(await this.doc(), (f) => {
      if (f.messages[entry.key]) return false;
      f.messages[entry.key] = { id: String(f.nextId++), recipients: [...entry.recipients], group: entry.group ?? false, reply, createdAt: now.toISOString() };
      return true;
    });
  }

  async claim(claimer: string, platforms: readonly string[], limit: number, now: Date): Promise<QueuedMessage[]> {
    const doc = await this.doc();
    const waiting = Object.values(doc.data.messages)
      .filter((m) => !m.claimedAt && platforms.includes(platformOf(m.recipients[0])))
      .sort((a, b) => Number(a.id) - Number(b.id))
      .slice(0, limit);
    if (waiting.length === 0) return [];
    const ids = new Set(waiting.map((m) => m.id));
    return this.engine.mutate(doc, (f) => {
      const out: QueuedMessage[] = [];
      for (const m of Object.values(f.messages)) {
        if (!ids.has(m.id) || m.claimedAt) continue;
        m.claimedBy = claimer;
        m.claimedAt = now.toISOString();
        out.push({ id: m.id, recipients: [...m.recipients], group: m.group, reply: replyFromJson(structuredClone(m.reply)) });
      }
      return out.sort((a, b) => Number(a.id) - Number(b.id));
    });
  }

  async finish(id: string, outcome: string, now: Date): Promise<void> {
    await this.engine.mutate(await this.doc(), (f) => {
      const m = Object.values(f.messages).find((x) => x.id === id);
      if (m) forget(m, outcome, now.toISOString());
    });
  }

  async expire(claimedBefore: Date, finishedBefore: Date): Promise<number> {
    const doc = await this.doc();
    const stale = (m: Message) => !m.doneAt && m.claimedAt !== undefined && new Date(m.claimedAt) < claimedBefore;
    const old = (m: Message) => m.doneAt !== undefined && new Date(m.doneAt) < finishedBefore;
    const all = Object.values(doc.data.messages);
    if (!all.some(stale) && !all.some(old)) return 0;
    return this.engine.mutate(doc, (f) => {
      let n = 0;
      for (const [key, m] of Object.entries(f.messages)) {
        if (stale(m)) {
          forget(m, 'unknown: the sender stopped during the send; not resent', m.claimedAt!);
          n++;
        } else if (old(m)) delete f.messages[key];
      }
      return n;
    });
  }

  async unsent(): Promise<Array<OutboxEntry & { queuedAt: Date }>> {
    return Object.entries((await this.doc()).data.messages)
      .filter(([, m]) => !m.claimedAt)
      .sort(([, a], [, b]) => Number(a.id) - Number(b.id))
      .map(([key, m]) => ({ key, recipients: [...m.recipients], group: m.group, reply: replyFromJson(structuredClone(m.reply)), queuedAt: new Date(m.createdAt) }));
  }

  async pending(): Promise<number> {
    return Object.values((await this.doc()).data.messages).filter((m) => !m.doneAt).length;
  }

  /** Erase: messages not yet sent to (or, in a group, about) the person. */
  async forgetPerson(personId: string): Promise<void> {
    const doc = await this.doc();
    if (!Object.values(doc.data.messages).some((m) => !m.doneAt && m.recipients.includes(personId))) return;
    await this.engine.mutate(doc, (f) => {
      for (const [key, m] of Object.entries(f.messages)) if (!m.doneAt && m.recipients.includes(personId)) delete f.messages[key];
    });
  }
}

/** A finished message keeps no recipient and no content: it may name people (an intro), and erase must not have to find it. */
function forget(m: Message, outcome: string, at: string): void {
  m.doneAt = at;
  m.outcome = outcome;
  m.recipients = [];
  m.reply = {};
}
