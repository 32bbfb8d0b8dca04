import { beforeAll, describe, expect, it } from 'vitest';
import { renderMessage, type FormBlock } from '../../src/adapters/discord/render.js';
import { readModalValues, renderModal } from '../../src/adapters/discord/modal.js';
import { parseCustomId } from '../../src/adapters/discord/custom-id.js';
import { loadContent } from '../../src/content/load-content.js';
import type { Copy } from '../../src/content/copy.js';
import { fields, heading, privateReply, reply, text, type Reply } from '../../src/core/reply.js';
import { modalProblems } from './discord-rules.js';

let copy: Copy;
beforeAll(async () => {
  copy = (await loadContent()).copy;
});

const render = (r: Reply) => renderMessage(r, { copy, formToken: () => 'tok1' });

const form: FormBlock = {
  type: 'form',
  id: 'survey',
  title: 'Quick check-in',
  submitLabel: 'Save',
  action: { command: 'checkin', action: 'submit' },
  fields: [
    { kind: 'scale', id: 'mood', label: 'Mood', min: 1, max: 5, labels: { 1: 'low', 5: 'great' } },
    { kind: 'choice', id: 'share', label: 'Share the note?', options: [{ label: 'Yes', value: 'y' }, { label: 'No', value: 'n' }] },
    { kind: 'text', id: 'note', label: 'Anything to add?', maxLength: 10, multiline: true, hint: 'Optional' },
  ],
};

describe('renderMessage', () => {
  it('sends plain text as content, with no embed', () => {
    expect(render(reply('Saved.')).body).toEqual({ content: 'Saved.', embeds: [], components: [] });
  });

  it('marks a private reply ephemeral (flag 64)', () => {
    expect(render(privateReply('Only you see this.')).body).toEqual({ content: 'Only you see this.', embeds: [], components: [], flags: 64 });
  });

  it('puts a heading, quotes, muted text and fields into one embed', () => {
    const r = reply('fallback', [heading('Your settings'), text('Line one\nLine two'), text('A prompt', 'quote'), fields([['Time zone', 'Europe/Berlin'], ['Days', 'x'.repeat(41)]]), text('Change with /attune settings', 'muted')]);
    expect(render(r).body).toEqual({
      embeds: [
        {
          color: 0x4f7cac,
          title: 'Your settings',
          description: 'Line one\nLine two\n\n> A prompt\n\n-# Change with /attune settings',
          fields: [
            { name: 'Time zone', value: 'Europe/Berlin', inline: true },
            { name: 'Days', value: 'x'.repeat(41), inline: false },
          ],
        },
      ],
      components: [],
    });
  });

  it('renders a scale as rows of at most five buttons whose custom_id carries command, action and value', () => {
    const r = reply('How is your energy?', [{ type: 'scale', id: 'energy', label: 'Energy', min: 1, max: 7, labels: { 1: 'drained' }, action: { command: 'checkin', action: 'energy' } }]);
    const button = (n: number, label = String(n)) => ({ type: 2, style: 2, custom_id: `a|energy|checkin|energy|${n}`, label });
    expect(render(r).body).toEqual({
      content: '**Energy**',
      embeds: [],
      components: [
        { type: 1, components: [button(1, '1 drained'), button(2), button(3), button(4), button(5)] },
        { type: 1, components: [button(6), button(7)] },
      ],
    });
    expect(parseCustomId('a|energy|checkin|energy|6')).toEqual({ kind: 'action', blockId: 'energy', command: 'checkin', action: 'energy', value: '6' });
  });

  it('renders a choice as a string select, or as buttons when asked', () => {
    const options = [{ label: 'Berlin', value: 'Europe/Berlin', description: 'CET' }, { label: 'Tokyo', value: 'Asia/Tokyo' }];
    const asSelect = render(reply('Pick', [{ type: 'choice', id: 'tz', label: 'Your zone', options, action: { command: 'settings', action: 'tz' } }]));
    expect(asSelect.body.components).toEqual([
      {
        type: 1,
        components: [
          {
            type: 3,
            custom_id: 'a|tz|settings|tz',
            placeholder: 'Your zone',
            min_values: 1,
            max_values: 1,
            options: [{ label: 'Berlin', value: 'Europe/Berlin', description: 'CET' }, { label: 'Tokyo', value: 'Asia/Tokyo' }],
          },
        ],
      },
    ]);
    const asButtons = render(reply('Pick', [{ type: 'choice', id: 'tz', label: 'Your zone', style: 'buttons', options, action: { command: 'settings', action: 'tz' } }]));
    expect(asButtons.body).toEqual({
      content: '**Your zone**',
      embeds: [],
      components: [
        {
          type: 1,
          components: [
            { type: 2, style: 2, custom_id: 'a|tz|settings|tz|Europe/Berlin', label: 'Berlin' },
            { type: 2, style: 2, custom_id: 'a|tz|settings|tz|Asia/Tokyo', label: 'Tokyo' },
          ],
        },
      ],
    });
  });

  it('falls back to a select when a button custom_id would pass 100 characters', () => {
    const long = 'v'.repeat(90);
    const r = render(reply('Pick', [{ type: 'choice', id: 'c', label: 'Pick', style: 'buttons', options: [{ label: 'Long', value: long }], action: { command: 'settings', action: 'tz' } }]));
    expect(r.body.components[0]!.components[0]).toMatchObject({ type: 3, custom_id: 'a|c|settings|tz' });
  });

  it('renders a form as a button that opens it, and hands the form back to be stored', () => {
    const r = render(privateReply('Check in', [text('Check in'), form]));
    expect(r.body).toEqual({ content: 'Check in', embeds: [], components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'f|tok1', label: 'Quick check-in' }] }], flags: 64 });
    expect(r.forms).toEqual([{ token: 'tok1', form }]);
  });

  it('attaches an image and shows it in the embed; attaches a file', () => {
    const png = new Uint8Array([137, 80, 78, 71]);
    const json = new TextEncoder().encode('{}');
    const r = render(reply('Your trend', [{ type: 'image', alt: 'trend', filename: 'trend.png', data: png, mime: 'image/png' }, { type: 'file', filename: 'export.json', mime: 'application/json', data: json, title: 'Export' }]));
    expect(r.body).toEqual({ embeds: [{ color: 0x4f7cac, description: 'Your trend', image: { url: 'attachment://trend.png' } }], components: [] });
    expect(r.files).toEqual([{ name: 'trend.png', data: png }, { name: 'export.json', data: json }]);
  });

  it('a reply longer than an embed shows whole paragraphs within 6,000 characters, says so, and attaches the full text', () => {
    const r = render(reply('long', [heading('Title'), text('a'.repeat(3000)), text('b'.repeat(3000)), fields([['Notes', 'c'.repeat(1000)], ['More', 'd'.repeat(1000)]])]));
    const embed = r.body.embeds[0]!;
    const total = embed.title!.length + embed.description!.length + embed.fields!.reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
    expect(embed.description!.startsWith('a'.repeat(3000))).toBe(true);
    expect(embed.description).not.toContain('b');
    expect(embed.description).toContain('attune-full-text.txt');
    expect(r.files.map((f) => f.name)).toEqual(['attune-full-text.txt']);
  });

  it('refuses a reply needing more than five rows of components', () => {
    const scales = Array.from({ length: 3 }, (_, i) => ({ type: 'scale' as const, id: `s${i}`, label: `S${i}`, min: 1, max: 10, action: { command: 'checkin', action: 'x' } }));
    expect(() => render(reply('Too much', scales))).toThrow('A Discord message holds 5 rows of buttons and menus; this reply needs 6');
  });
});

describe('parseCustomId', () => {
  it('reads form and modal ids and rejects anything else', () => {
    expect(parseCustomId('f|tok1')).toEqual({ kind: 'form', token: 'tok1' });
    expect(parseCustomId('m|tok1')).toEqual({ kind: 'modal', token: 'tok1' });
    expect(parseCustomId('a|b|settings|tz')).toEqual({ kind: 'action', blockId: 'b', command: 'settings', action: 'tz' });
    for (const bad of ['', 'nonsense', 'a|b|Not A Command|x', 'f|', 'x|tok1', 'a|b|settings']) expect(parseCustomId(bad)).toBeUndefined();
  });
});

describe('renderModal and readModalValues', () => {
  it('renders scales and choices as select menus and text as a text input, each in a Label', () => {
    const pick = { placeholder: 'Choose one', min_values: 1, max_values: 1 };
    expect(renderModal('tok1', form, copy)).toEqual({
      custom_id: 'm|tok1',
      title: 'Quick check-in',
      components: [
        { type: 18, label: 'Mood', component: { type: 3, custom_id: 'mood', required: true, ...pick, options: [{ label: '1 low', value: '1' }, { label: '2', value: '2' }, { label: '3', value: '3' }, { label: '4', value: '4' }, { label: '5 great', value: '5' }] } },
        { type: 18, label: 'Share the note?', component: { type: 3, custom_id: 'share', required: true, ...pick, options: [{ label: 'Yes', value: 'y' }, { label: 'No', value: 'n' }] } },
        { type: 18, label: 'Anything to add?', description: 'Optional', component: { type: 4, custom_id: 'note', required: false, style: 2, max_length: 10 } },
      ],
    });
    expect(modalProblems(renderModal('tok1', form, copy))).toEqual([]);
  });

  it('shows a team question longer than a label whole: in the description, or above the field when longer still', () => {
    const medium = 'How clear were our priorities this week, all things considered?';
    const long = 'What one thing would make next week calmer for you, for the people you work with most closely, and for the customers who depend on us?';
    expect(long.length).toBeGreaterThan(100);
    const questions: FormBlock = { ...form, fields: [{ kind: 'scale', id: 'q1', label: medium, min: 1, max: 5 }, { kind: 'text', id: 'q2', label: long, maxLength: 200 }] };
    const modal = renderModal('tok2', questions, copy);
    expect(modal.components[0]).toMatchObject({ type: 18, label: 'How clear were our priorities this week, a...', description: medium });
    expect(modal.components[1]).toEqual({ type: 10, content: long });
    expect(modal.components[2]).toMatchObject({ type: 18, component: { custom_id: 'q2' } });
    expect(modalProblems(modal)).toEqual([]);
  });

  it('accepts valid answers, a choice by label, value or number, and skips an empty optional field', () => {
    expect(readModalValues(form, { mood: ' 4 ', share: 'yes', note: '' }, copy)).toEqual({ values: { mood: '4', share: 'y' } });
    expect(readModalValues(form, { mood: '1', share: '2', note: 'ok' }, copy)).toEqual({ values: { mood: '1', share: 'n', note: 'ok' } });
  });

  it('names the field and what is allowed when an answer is invalid', () => {
    expect(readModalValues(form, { mood: '9', share: 'y' }, copy)).toEqual({ error: '"Mood" needs a whole number from 1 to 5; you typed "9".' });
    expect(readModalValues(form, { mood: '3', share: 'maybe' }, copy)).toEqual({ error: '"Share the note?" needs one of: Yes, No; you typed "maybe".' });
    expect(readModalValues(form, { mood: '', share: 'y' }, copy)).toEqual({ error: '"Mood" needs an answer.' });
    expect(readModalValues(form, { mood: '3', share: 'y', note: 'x'.repeat(11) }, copy)).toEqual({ error: '"Anything to add?" is 11 characters; the limit is 10.' });
  });
});
