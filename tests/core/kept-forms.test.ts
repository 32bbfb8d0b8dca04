import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keptForms } from '../../src/core/kept-forms.js';
import { engines, T0, type EngineHandle } from '../store/contract/engines.js';

const form = (title: string) => ({ type: 'form' as const, title, submitLabel: 'Save', fields: [] });

describe.each(engines)('kept forms ($name)', (engine) => {
  let h: EngineHandle;
  beforeEach(async () => {
    h = await engine.create();
  });
  afterEach(async () => {
    await h.destroy();
  });

  it('two messages sent to one person at once both keep their forms (no lost update)', async () => {
    const kept = keptForms('test.forms');
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => kept.keep(h.store, 'shell:ann', [{ token: `t${i}`, form: form(`Form ${i}`) as never }], T0)),
    );
    for (let i = 0; i < 8; i++) expect((await kept.get(h.store, 'shell:ann', `t${i}`, T0))?.title).toBe(`Form ${i}`);
  });

  it('keeps only the ten newest forms, and none after a day', async () => {
    const kept = keptForms('test.forms');
    for (let i = 0; i < 12; i++) await kept.keep(h.store, 'shell:ann', [{ token: `t${i}`, form: form(`Form ${i}`) as never }], T0);
    expect(await kept.get(h.store, 'shell:ann', 't0', T0)).toBeUndefined();
    expect(await kept.get(h.store, 'shell:ann', 't1', T0)).toBeUndefined();
    expect((await kept.get(h.store, 'shell:ann', 't11', T0))?.title).toBe('Form 11');
    expect(await kept.get(h.store, 'shell:ann', 't11', new Date(T0.getTime() + 25 * 3_600_000))).toBeUndefined();
  });
});
