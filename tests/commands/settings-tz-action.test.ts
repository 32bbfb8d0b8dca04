import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, makeTestApp, run, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.cleanup();
});

describe('settings tz action (the zone menu Discord shows at first contact)', () => {
  it('saves a picked zone as the person\'s own', async () => {
    await run(app, 'alice', 'help');
    const reply = await act(app, 'alice', 'settings', 'tz', { value: 'Asia/Tokyo' });
    expect(reply.text).toBe(
      'Settings saved\nTime zone: Asia/Tokyo\nDaily prompt at: 09:30\nCheck-in reminder at: 16:30\nWorking days: mon-fri\nPaused until: not paused\nQuiet hours: none\n' +
        `${app.content.copy('settings.howTo')}\n${app.content.copy('scheduler.settingsScheduleHowTo')}`,
    );
    expect((await app.store.people.get('shell:alice'))).toMatchObject({ tz: 'Asia/Tokyo', tzSource: 'user' });
  });

  it('refuses a value that is not a zone and changes nothing', async () => {
    await run(app, 'alice', 'help');
    const reply = await act(app, 'alice', 'settings', 'tz', { value: 'Mars/Base' });
    expect(reply).toEqual({ text: app.content.copy('settings.badTz', { value: 'Mars/Base' }), blocks: [{ type: 'text', text: app.content.copy('settings.badTz', { value: 'Mars/Base' }) }], private: true });
    expect((await app.store.people.get('shell:alice'))?.tz).toBeUndefined();
  });
});
