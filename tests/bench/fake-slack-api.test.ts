import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../../bench/fake-slack-api.js';

let api: FakeSlackApi | undefined;
afterEach(async () => {
  await api?.stop();
  api = undefined;
});

async function call(base: string, method: string, body: Record<string, string>): Promise<{ status: number; json: { ok: boolean; error?: string }; retryAfter: string | null }> {
  const res = await fetch(`${base}${method}`, { method: 'POST', headers: { authorization: 'Bearer xoxb-bench', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() });
  return { status: res.status, json: (await res.json()) as { ok: boolean; error?: string }, retryAfter: res.headers.get('retry-after') };
}

describe("the benchmarks' fake Slack enforces the tests' Slack rules", () => {
  it('refuses a message over Block Kit limits (51 blocks) and does not count it delivered', async () => {
    api = new FakeSlackApi(1000, 0);
    const base = await api.start();
    const blocks = JSON.stringify(Array.from({ length: 51 }, (_, i) => ({ type: 'section', text: { type: 'mrkdwn', text: `line ${i}` } })));
    const refused = await call(base, 'chat.postMessage', { channel: 'DU1', text: 'digest', blocks });
    expect(refused.json).toMatchObject({ ok: false, error: 'invalid_blocks' });
    const fine = await call(base, 'chat.postMessage', { channel: 'DU2', text: 'digest', blocks: JSON.stringify([{ type: 'section', text: { type: 'mrkdwn', text: 'ok' } }]) });
    expect(fine.json.ok).toBe(true);
    expect(api.stats()).toMatchObject({ invalidBlocks: 1, delivered: { DU2: 1 } });
  });

  it('with tier limits, the 51st conversations.open in a minute gets 429 with Retry-After', async () => {
    api = new FakeSlackApi(1000, 0, 42, { tierLimits: true });
    const base = await api.start();
    for (let i = 0; i < 50; i++) expect((await call(base, 'conversations.open', { users: `U${i}` })).json.ok).toBe(true);
    const limited = await call(base, 'conversations.open', { users: 'U50' });
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
  });
});
