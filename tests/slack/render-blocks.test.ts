import { describe, expect, it } from 'vitest';
import { decodeActionId, encodeActionId } from '../../src/adapters/slack/action-id.js';
import { renderMessage } from '../../src/adapters/slack/render-blocks.js';
import type { Reply } from '../../src/core/reply.js';

const labels = { choose: 'Choose...' };
const ref = { command: 'checkin', action: 'mood' };

describe('Block Kit renderer', () => {
  it('renders the four text styles as header, section, quoted section and context, escaping mrkdwn', () => {
    const reply: Reply = {
      text: 'fallback',
      blocks: [
        { type: 'text', text: 'Title', style: 'heading' },
        { type: 'text', text: 'a < b & c > d' },
        { type: 'text', text: 'line one\nline two', style: 'quote' },
        { type: 'text', text: 'small print', style: 'muted' },
        { type: 'divider' },
      ],
    };
    expect(renderMessage(reply, labels)).toEqual({
      text: 'fallback',
      uploads: [],
      forms: [],
      more: [],
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Title', emoji: true } },
        { type: 'section', text: { type: 'mrkdwn', text: 'a &lt; b &amp; c &gt; d' } },
        { type: 'section', text: { type: 'mrkdwn', text: '>line one\n>line two' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'small print' }] },
        { type: 'divider' },
      ],
    });
  });

  it('renders a heading over 150 characters as a bold section, since a header block cannot hold it', () => {
    const long = 'x'.repeat(151);
    expect(renderMessage({ text: long, blocks: [{ type: 'text', text: long, style: 'heading' }] }, labels).blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: `*${long}*` } }]);
  });

  it('renders fields as section fields with the label in bold', () => {
    const reply: Reply = { text: 'f', blocks: [{ type: 'fields', fields: [{ label: 'Mood', value: '4' }, { label: 'Stress', value: '2' }] }] };
    expect(renderMessage(reply, labels).blocks).toEqual([
      { type: 'section', fields: [{ type: 'mrkdwn', text: '*Mood*\n4' }, { type: 'mrkdwn', text: '*Stress*\n2' }] },
    ]);
  });

  it('renders a button whose value is empty (the check-in reminder) without a value, since Slack rejects an empty one', () => {
    const reply: Reply = {
      text: 'r',
      blocks: [{ type: 'choice', id: 'checkin-now', label: 'Ready?', style: 'buttons', options: [{ label: 'Check in now', value: '' }, { label: 'Later', value: 'later' }], action: { command: 'checkin', action: 'run' } }],
    };
    expect(renderMessage(reply, labels).blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'Ready?' } },
      {
        type: 'actions',
        block_id: 'checkin-now',
        elements: [
          { type: 'button', text: { type: 'plain_text', text: 'Check in now' }, action_id: 'attune|act|checkin|run|0' },
          { type: 'button', text: { type: 'plain_text', text: 'Later' }, action_id: 'attune|act|checkin|run|1', value: 'later' },
        ],
      },
    ]);
  });

  it('renders a scale as a label and an actions block of numbered buttons whose value is the number', () => {
    const reply: Reply = { text: 's', blocks: [{ type: 'scale', id: 'mood', label: 'How is your mood?', min: 1, max: 3, labels: { 1: 'low', 3: 'high' }, action: ref }] };
    expect(renderMessage(reply, labels).blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'How is your mood?' } },
      {
        type: 'actions',
        block_id: 'mood',
        elements: [
          { type: 'button', text: { type: 'plain_text', text: '1 low' }, action_id: 'attune|act|checkin|mood|0', value: '1' },
          { type: 'button', text: { type: 'plain_text', text: '2' }, action_id: 'attune|act|checkin|mood|1', value: '2' },
          { type: 'button', text: { type: 'plain_text', text: '3 high' }, action_id: 'attune|act|checkin|mood|2', value: '3' },
        ],
      },
    ]);
  });

  it('renders a choice as buttons when asked, and as a static select otherwise', () => {
    const options = [{ label: 'Yes', value: 'y' }, { label: 'No', value: 'n', description: 'keep it' }];
    const reply: Reply = {
      text: 'c',
      blocks: [
        { type: 'choice', id: 'b', label: 'Pick', options, style: 'buttons', action: ref },
        { type: 'choice', id: 's', label: 'Pick one', options, action: { command: 'privacy delete', action: 'confirm' } },
      ],
    };
    expect(renderMessage(reply, labels).blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'Pick' } },
      {
        type: 'actions',
        block_id: 'b',
        elements: [
          { type: 'button', text: { type: 'plain_text', text: 'Yes' }, action_id: 'attune|act|checkin|mood|0', value: 'y' },
          { type: 'button', text: { type: 'plain_text', text: 'No' }, action_id: 'attune|act|checkin|mood|1', value: 'n' },
        ],
      },
      {
        type: 'section',
        block_id: 's',
        text: { type: 'mrkdwn', text: 'Pick one' },
        accessory: {
          type: 'static_select',
          action_id: 'attune|act|privacy delete|confirm|0',
          placeholder: { type: 'plain_text', text: 'Choose...' },
          options: [
            { text: { type: 'plain_text', text: 'Yes' }, value: 'y' },
            { text: { type: 'plain_text', text: 'No' }, value: 'n', description: { type: 'plain_text', text: 'keep it' } },
          ],
        },
      },
    ]);
  });

  it('renders a form as a button that opens it, and keeps the form for a modal', () => {
    const form = { type: 'form' as const, id: 'f', title: 'Check in', submitLabel: 'Save', fields: [{ kind: 'text' as const, id: 'note', label: 'Note', maxLength: 100 }], action: { command: 'checkin', action: 'submit' } };
    const out = renderMessage({ text: 'form', blocks: [form] }, labels);
    expect(out.blocks).toEqual([
      { type: 'actions', block_id: 'f', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Check in' }, action_id: 'attune|form|checkin|submit|0', style: 'primary' }] },
    ]);
    expect(out.form).toBe(form);
  });

  it('turns images and files into uploads, not blocks', () => {
    const data = new Uint8Array([1, 2, 3]);
    const out = renderMessage(
      { text: 'files', blocks: [{ type: 'image', alt: 'Mood trend', filename: 'trend.png', data, mime: 'image/png' }, { type: 'file', filename: 'export.json', mime: 'application/json', data, title: 'Export' }] },
      labels,
    );
    expect(out.blocks).toEqual([]);
    expect(out.uploads).toEqual([
      { filename: 'trend.png', title: 'Mood trend', mime: 'image/png', data },
      { filename: 'export.json', title: 'Export', mime: 'application/json', data },
    ]);
  });

  it('encodes command and action in the action id and decodes only its own ids', () => {
    expect(encodeActionId('act', { command: 'mentor request', action: 'pick' }, 3)).toBe('attune|act|mentor request|pick|3');
    expect(decodeActionId('attune|act|mentor request|pick|3')).toEqual({ kind: 'act', command: 'mentor request', action: 'pick' });
    expect(decodeActionId('attune|form|reflect|answer|0')).toEqual({ kind: 'form', command: 'reflect', action: 'answer' });
    expect(decodeActionId('someone_elses_button')).toBeUndefined();
    expect(decodeActionId('attune|zap|reflect|answer|0')).toBeUndefined();
    expect(decodeActionId('attune|act||answer|0')).toBeUndefined();
  });
});
