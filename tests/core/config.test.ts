import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { sendLimits } from '../../src/send-limits.js';

describe('config', () => {
  it('runs with nothing set: shell mode, ./data, UTC, 5 respondents', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ dataDir: './data', defaultTimeZone: 'UTC', minRespondents: 5, shell: 'auto', port: 3000 });
    expect(c.slack).toBeUndefined();
    expect(c.discord).toBeUndefined();
  });

  it('names every bad variable with what it got and what is allowed, one line each', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ ATTUNE_TZ: 'Mars/Base', ATTUNE_MIN_RESPONDENTS: '2', LOG_LEVEL: 'loud', PORT: 'abc' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems).toEqual([
      'ATTUNE_TZ: got "Mars/Base"; expected an IANA time zone such as Europe/Berlin, America/New_York or UTC',
      'ATTUNE_MIN_RESPONDENTS: got "2"; expected a whole number, 3 or more (fewer would let a lead single people out)',
      'LOG_LEVEL: got "loud"; expected one of fatal, error, warn, info, debug, trace, silent',
      'PORT: got "abc"; expected a port number 1-65535',
    ]);
  });

  it('never prints a secret value in an error', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'not-a-token-secret123' })).toThrow('SLACK_BOT_TOKEN: got (hidden); expected a bot token starting with xoxb-');
  });

  it('switches Slack on with a bot token and a signing secret, and asks for the missing half', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack).toEqual({ botToken: 'xoxb-1', signingSecret: 's' });
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow('SLACK_SIGNING_SECRET: got (unset)');
    expect(() => loadConfig({ DISCORD_TOKEN: 't' })).toThrow('DISCORD_APP_ID: got (unset)');
  });

  it('paces the Slack send queue with ATTUNE_SLACK_RATE, with about a second of sends in flight, and refuses a bad rate', () => {
    expect(sendLimits(loadConfig({})).slack).toEqual({ bucketBy: 'workspace' });
    expect(loadConfig({ ATTUNE_SLACK_RATE: '49' }).slackRate).toBe(49);
    expect(sendLimits(loadConfig({ ATTUNE_SLACK_RATE: '49' })).slack).toEqual({ bucketBy: 'workspace', perSecond: 49, concurrency: 49 });
    expect(sendLimits(loadConfig({ ATTUNE_SLACK_RATE: '0.8' })).slack).toEqual({ bucketBy: 'workspace', perSecond: 0.8, concurrency: 4 });
    for (const bad of ['fast', '0', '-3']) {
      expect(() => loadConfig({ ATTUNE_SLACK_RATE: bad })).toThrow(
        `ATTUNE_SLACK_RATE: got "${bad}"; expected a number of messages a second above 0 (at most 1000), such as 0.8 or 45`,
      );
    }
  });
});
