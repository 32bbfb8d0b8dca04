import type { Block, Reply } from '../../core/reply.js';
import { encodeActionId } from './action-id.js';
import { clip, escapeMrkdwn, mrkdwn, option, plain, SLACK, type SlackBlock } from './block-kit.js';

type FormBlock = Extract<Block, { type: 'form' }>;

/** A file or image to upload next to the message (Block Kit image blocks need a public URL; uploads don't). */
export interface Upload {
  filename: string;
  title: string;
  mime: string;
  data: Uint8Array;
}

/** Blocks in one Slack message. */
export const SLACK_PAGE = SLACK.messageBlocks;

export interface SlackMessage {
  text: string;
  /** The first message's blocks: at most 50, Slack's limit for a message. */
  blocks: SlackBlock[];
  /** Blocks past the first 50, as further messages of at most 50 each, sent in order after the first. */
  more: SlackBlock[][];
  uploads: Upload[];
  /** The reply's first form: opened as a modal when a trigger_id is at hand, otherwise a button opens it. */
  form?: FormBlock;
  /** Forms whose buttons carry a token: kept by the adapter so a click opens that very form. */
  forms: Array<{ token: string; form: FormBlock }>;
}

export interface RenderOptions {
  /** Names a form for its button's value; without it the button re-runs the form's command. */
  formToken?: (form: FormBlock) => string;
}

export interface RenderLabels {
  /** Placeholder of a select menu. */
  choose: string;
}

/**
 * Renders a reply as a Slack message: text -> header/section/context, fields -> section fields,
 * scale and button choices -> actions blocks, select choices -> a section with a static_select,
 * form -> a button that opens it, image and file -> uploads, divider -> divider. Pure.
 */
export function renderMessage(reply: Reply, labels: RenderLabels, options: RenderOptions = {}): SlackMessage {
  const blocks: SlackBlock[] = [];
  const uploads: Upload[] = [];
  const forms: SlackMessage['forms'] = [];
  let form: FormBlock | undefined;
  for (const block of reply.blocks) {
    switch (block.type) {
      case 'form': {
        form ??= block;
        const token = options.formToken?.(block);
        if (token) forms.push({ token, form: block });
        blocks.push({
          type: 'actions',
          block_id: block.id,
          elements: [{ type: 'button', text: plain(block.title, SLACK.buttonText), action_id: encodeActionId('form', block.action, 0), style: 'primary', ...(token ? { value: token } : {}) }],
        });
        break;
      }
      case 'image':
        uploads.push({ filename: block.filename, title: block.alt, mime: block.mime, data: block.data });
        break;
      case 'file':
        uploads.push({ filename: block.filename, title: block.title, mime: block.mime, data: block.data });
        break;
      default:
        blocks.push(...renderStatic(block, labels));
    }
  }
  // A reply too long for one message continues in the next ones: nothing is dropped.
  const [first = [], ...more] = paginate(blocks, SLACK.messageBlocks);
  return { text: clip(reply.text, 40_000), blocks: first, more, uploads, forms, ...(form ? { form } : {}) };
}

/** Splits blocks into pages of at most `size`, keeping a section right before its actions block on one page. */
export function paginate(blocks: SlackBlock[], size: number): SlackBlock[][] {
  const pages: SlackBlock[][] = [];
  let page: SlackBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const keepWithNext = blocks[i]!.type === 'section' && blocks[i + 1]?.type === 'actions';
    if (page.length + (keepWithNext ? 2 : 1) > size && page.length) {
      pages.push(page);
      page = [];
    }
    page.push(blocks[i]!);
  }
  if (page.length) pages.push(page);
  return pages;
}

/** Blocks that render the same in a message, a modal or App Home. Forms, images and files render nothing here. */
export function renderStatic(block: Block, labels: RenderLabels): SlackBlock[] {
  switch (block.type) {
    case 'text':
      return renderText(block.text, block.style);
    case 'fields':
      return [{ type: 'section', fields: block.fields.map((f) => mrkdwn(clip(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, SLACK.fieldText))) }];
    case 'divider':
      return [{ type: 'divider' }];
    case 'scale': {
      const buttons = [];
      for (let n = block.min; n <= block.max; n++) {
        const label = block.labels?.[n] ? `${n} ${block.labels[n]}` : String(n);
        buttons.push({ type: 'button', text: plain(label, SLACK.buttonText), action_id: encodeActionId('act', block.action, n - block.min), value: String(n) });
      }
      return [
        { type: 'section', text: mrkdwn(escapeMrkdwn(block.label)) },
        { type: 'actions', block_id: block.id, elements: buttons },
      ];
    }
    case 'choice':
      if (block.style === 'buttons') {
        return [
          { type: 'section', text: mrkdwn(escapeMrkdwn(block.label)) },
          {
            type: 'actions',
            block_id: block.id,
            // Slack rejects an empty `value` (a "Check in now" button carries ''): it is left out, and a click without one reads as ''.
            elements: block.options.map((o, i) => ({
              type: 'button',
              text: plain(o.label, SLACK.buttonText),
              action_id: encodeActionId('act', block.action, i),
              ...(o.value === '' ? {} : { value: clip(o.value, SLACK.buttonValue) }),
            })),
          },
        ];
      }
      return [
        {
          type: 'section',
          block_id: block.id,
          text: mrkdwn(escapeMrkdwn(block.label)),
          accessory: {
            type: 'static_select',
            action_id: encodeActionId('act', block.action, 0),
            placeholder: plain(labels.choose, SLACK.placeholder),
            options: block.options.map((o) => option(o.label, o.value, o.description)),
          },
        },
      ];
    case 'form':
    case 'image':
    case 'file':
      return [];
  }
}

function renderText(value: string, style: 'heading' | 'normal' | 'quote' | 'muted' | undefined): SlackBlock[] {
  switch (style) {
    case 'heading':
      return value.length <= SLACK.headerText ? [{ type: 'header', text: { ...plain(value, SLACK.headerText), emoji: true } }] : sections(value, (l) => `*${l}*`);
    case 'quote':
      return sections(value, (l) => `>${l}`);
    case 'muted':
      return sections(value).map((b) => ({ type: 'context', elements: [b.text] }));
    default:
      return sections(value);
  }
}

/**
 * Text as mrkdwn sections of at most 3,000 characters each, split between lines: escaping (`<` becomes
 * `&lt;`) can lengthen a text that fitted, and a section over the limit would be refused.
 */
function sections(value: string, line: (escaped: string) => string = (l) => l): Array<SlackBlock & { text: { type: 'mrkdwn'; text: string } }> {
  const lines = value.split('\n').flatMap((l) => hardSplit(line(escapeMrkdwn(l)), SLACK.sectionText));
  const out: string[] = [];
  let current: string | undefined;
  for (const l of lines) {
    if (current !== undefined && current.length + 1 + l.length <= SLACK.sectionText) current = `${current}\n${l}`;
    else {
      if (current !== undefined) out.push(current);
      current = l;
    }
  }
  if (current !== undefined) out.push(current);
  return out.map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

/** A single line longer than a section, in pieces (not cutting an entity such as &amp; in two). */
function hardSplit(line: string, max: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let cut = max;
    const amp = rest.lastIndexOf('&', cut);
    if (amp > cut - 5 && /^&(amp|lt|gt);/.test(rest.slice(amp))) cut = amp;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  out.push(rest);
  return out;
}
