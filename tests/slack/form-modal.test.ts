import { describe, expect, it } from 'vitest';
import { readFormMetadata, renderModal, validateSubmission } from '../../src/adapters/slack/form-modal.js';
import type { Block } from '../../src/core/reply.js';

const labels = { choose: 'Choose...', cancel: 'Cancel', shortened: 'Shortened.' };
const messages = {
  required: () => 'required',
  tooLong: (max: number, length: number) => `too long ${length}/${max}`,
  scale: (min: number, max: number) => `scale ${min}-${max}`,
  choice: () => 'choice',
};

const form: Extract<Block, { type: 'form' }> = {
  type: 'form',
  id: 'checkin',
  title: 'A check-in with a very long title',
  submitLabel: 'Save',
  action: { command: 'checkin', action: 'submit' },
  fields: [
    { kind: 'scale', id: 'mood', label: 'Mood', min: 1, max: 3, labels: { 1: 'low' } },
    { kind: 'text', id: 'note', label: 'Note', hint: 'optional', maxLength: 4000, multiline: true },
    { kind: 'choice', id: 'share', label: 'Share?', options: [{ label: 'No', value: 'no' }, { label: 'Yes', value: 'yes' }], initial: 'no' },
  ],
};

describe('form modal', () => {
  const view = renderModal(form, [{ type: 'text', text: 'How was today?', style: 'quote' }], labels, 'https://hooks.slack.com/commands/1');

  it('renders context blocks and one input per field, carrying command and action in private_metadata', () => {
    expect(view).toEqual({
      type: 'modal',
      callback_id: 'attune_form',
      private_metadata: JSON.stringify({ c: 'checkin', a: 'submit', f: [['mood', 's', 1, 1, 3], ['note', 't', 0, 4000], ['share', 'c', 1]], r: 'https://hooks.slack.com/commands/1' }),
      title: { type: 'plain_text', text: 'A check-in with a ver...' },
      submit: { type: 'plain_text', text: 'Save' },
      close: { type: 'plain_text', text: 'Cancel' },
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: '>How was today?' } },
        {
          type: 'input',
          block_id: 'mood',
          optional: false,
          label: { type: 'plain_text', text: 'Mood' },
          element: {
            type: 'static_select',
            action_id: 'value',
            placeholder: { type: 'plain_text', text: 'Choose...' },
            options: [
              { text: { type: 'plain_text', text: '1 low' }, value: '1' },
              { text: { type: 'plain_text', text: '2' }, value: '2' },
              { text: { type: 'plain_text', text: '3' }, value: '3' },
            ],
          },
        },
        // 4,000 is over Slack's max_length cap of 3,000, so the limit is checked on submission.
        { type: 'input', block_id: 'note', optional: true, label: { type: 'plain_text', text: 'Note' }, hint: { type: 'plain_text', text: 'optional' }, element: { type: 'plain_text_input', action_id: 'value', multiline: true } },
        {
          type: 'input',
          block_id: 'share',
          optional: false,
          label: { type: 'plain_text', text: 'Share?' },
          element: {
            type: 'static_select',
            action_id: 'value',
            placeholder: { type: 'plain_text', text: 'Choose...' },
            options: [{ text: { type: 'plain_text', text: 'No' }, value: 'no' }, { text: { type: 'plain_text', text: 'Yes' }, value: 'yes' }],
            initial_option: { text: { type: 'plain_text', text: 'No' }, value: 'no' },
          },
        },
      ],
    });
  });

  const meta = readFormMetadata(view.private_metadata as string)!;
  const blocks = view.blocks as unknown[];
  const state = (mood: string | null, note: string | null, share: string | null) => ({
    mood: { value: { type: 'static_select', selected_option: mood === null ? null : { value: mood } } },
    note: { value: { type: 'plain_text_input', value: note } },
    share: { value: { type: 'static_select', selected_option: share === null ? null : { value: share } } },
  });

  it('returns the values by field id when every rule holds, leaving out a skipped optional field', () => {
    expect(validateSubmission(meta, state('2', null, 'yes'), blocks, messages)).toEqual({ values: { mood: '2', share: 'yes' } });
  });

  it('returns errors by block id for a missing required answer, a scale out of range, an unknown option and a long text', () => {
    expect(validateSubmission(meta, state('7', 'x'.repeat(4001), 'maybe'), blocks, messages)).toEqual({ errors: { mood: 'scale 1-3', note: 'too long 4001/4000', share: 'choice' } });
    expect(validateSubmission(meta, state(null, '', null), blocks, messages)).toEqual({ errors: { mood: 'required', share: 'required' } });
  });

  it('refuses metadata that is not an Attune form', () => {
    expect(readFormMetadata(undefined)).toBeUndefined();
    expect(readFormMetadata('not json')).toBeUndefined();
    expect(readFormMetadata('{"c":"checkin"}')).toBeUndefined();
  });
});
