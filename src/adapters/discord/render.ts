import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  type APISelectMenuOption,
} from 'discord.js';
import type { Copy } from '../../content/copy.js';
import type { Block, Reply } from '../../core/reply.js';
import { clip, truncate } from './command-options.js';
import { actionCustomId, formCustomId, MAX_CUSTOM_ID } from './custom-id.js';

export type FormBlock = Extract<Block, { type: 'form' }>;
type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** A message ready for discord.js: the JSON body, its attachments, and the forms its buttons open. */
export interface RenderedMessage {
  body: {
    content?: string;
    embeds: APIEmbed[];
    components: Row[];
    flags?: number;
  };
  files: Array<{ name: string; data: Uint8Array }>;
  /** Forms to keep until their button is clicked (a modal can only open in answer to a click). */
  forms: Array<{ token: string; form: FormBlock }>;
}

export interface RenderOptions {
  copy: Copy;
  /** Names a form for its "open" button; the adapter stores the form under this token. */
  formToken: (form: FormBlock) => string;
}

export const EMBED_COLOR = 0x4f7cac;
const LIMITS = { content: 2000, title: 256, description: 4096, fieldName: 256, fieldValue: 1024, fields: 25, rows: 5, perRow: 5, buttonLabel: 80, placeholder: 150, option: 100, embeds: 10, embedTotal: 6000 } as const;

/**
 * Renders a reply as a Discord message: plain text as content; headings, quotes, fields and images as
 * an embed; scales and button choices as button rows; other choices as a string select; a form as a
 * button that opens it as a modal; private as ephemeral. Pure: same reply, same JSON.
 */
export function renderMessage(reply: Reply, opts: RenderOptions): RenderedMessage {
  const paragraphs: string[] = [];
  const fields: APIEmbedField[] = [];
  const images: string[] = [];
  const files: RenderedMessage['files'] = [];
  const forms: RenderedMessage['forms'] = [];
  const rows: Row[] = [];
  let title: string | undefined;
  let needsEmbed = false;

  for (const block of reply.blocks) {
    switch (block.type) {
      case 'text':
        if (block.style === 'heading') {
          needsEmbed = true;
          if (title === undefined) title = clip(block.text, LIMITS.title);
          else paragraphs.push(`**${block.text}**`);
        } else if (block.style === 'quote') {
          needsEmbed = true;
          paragraphs.push(block.text.split('\n').map((l) => `> ${l}`).join('\n'));
        } else if (block.style === 'muted') {
          paragraphs.push(block.text.split('\n').map((l) => `-# ${l}`).join('\n'));
        } else {
          paragraphs.push(block.text);
        }
        break;
      case 'fields':
        needsEmbed = true;
        for (const f of block.fields) {
          fields.push({ name: clip(f.label, LIMITS.fieldName), value: truncate(f.value, LIMITS.fieldValue) || '-', inline: f.value.length <= 40 });
        }
        break;
      case 'scale': {
        paragraphs.push(`**${block.label}**`);
        const buttons = range(block.min, block.max).map((n) => button(actionCustomId(block.id, block.action, String(n)), block.labels?.[n] ? `${n} ${block.labels[n]}` : String(n)));
        rows.push(...chunk(buttons, LIMITS.perRow).map(actionRow));
        break;
      }
      case 'choice': {
        const ids = block.options.map((o) => actionCustomId(block.id, block.action, o.value));
        const asButtons = block.style === 'buttons' && ids.every((id) => id.length <= MAX_CUSTOM_ID) && block.options.length <= LIMITS.perRow * 2;
        if (asButtons) {
          paragraphs.push(`**${block.label}**`);
          rows.push(...chunk(block.options.map((o, i) => button(ids[i]!, o.label)), LIMITS.perRow).map(actionRow));
        } else {
          rows.push(actionRow([select(block)]));
        }
        break;
      }
      case 'form': {
        const token = opts.formToken(block);
        forms.push({ token, form: block });
        rows.push(actionRow([{ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: formCustomId(token), label: clip(block.title, LIMITS.buttonLabel) }]));
        break;
      }
      case 'image':
        needsEmbed = true;
        images.push(block.filename);
        files.push({ name: block.filename, data: block.data });
        break;
      case 'file':
        files.push({ name: block.filename, data: block.data });
        break;
      case 'divider':
        break;
    }
  }
  if (rows.length > LIMITS.rows) throw new Error(`A Discord message holds ${LIMITS.rows} rows of buttons and menus; this reply needs ${rows.length}`);
  if (fields.length > LIMITS.fields) throw new Error(`A Discord embed holds ${LIMITS.fields} fields; this reply has ${fields.length}`);

  const text = paragraphs.join('\n\n');
  const body: RenderedMessage['body'] = { embeds: [], components: rows };
  if (!needsEmbed && text.length <= LIMITS.content) {
    body.content = text || truncate(reply.text, LIMITS.content);
  } else {
    const [first, ...more] = images;
    const embed: APIEmbed = { color: EMBED_COLOR };
    if (title !== undefined) embed.title = title;
    if (fields.length) embed.fields = fields;
    if (first) embed.image = { url: `attachment://${first}` };
    // An embed's description holds 4,096 characters and all of a message's embeds 6,000. Longer prose
    // shows as many whole paragraphs as fit, says so, and comes in full as an attached text file.
    const others = (embed.title?.length ?? 0) + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    const prose = text || (!embed.title && !embed.fields ? reply.text : '');
    const room = Math.min(LIMITS.description, LIMITS.embedTotal - others);
    if (prose.length <= room) {
      if (prose) embed.description = prose;
    } else {
      const note = `-# ${opts.copy('discord.overflow', { file: OVERFLOW_FILE })}`;
      embed.description = `${fitParagraphs(prose, room - note.length - 2)}\n\n${note}`;
      files.push({ name: OVERFLOW_FILE, data: new TextEncoder().encode(`${reply.text}\n`) });
    }
    body.embeds = [embed, ...more.slice(0, LIMITS.embeds - 1).map((name) => ({ color: EMBED_COLOR, image: { url: `attachment://${name}` } }))];
  }
  if (reply.private) body.flags = MessageFlags.Ephemeral;
  return { body, files, forms };
}

/** The file holding a reply's full text when it is longer than a message can show. */
export const OVERFLOW_FILE = 'attune-full-text.txt';

/** The longest run of whole paragraphs within max characters (else the first paragraph, cut at a line). */
function fitParagraphs(prose: string, max: number): string {
  const paragraphs = prose.split('\n\n');
  let out = '';
  for (const p of paragraphs) {
    const next = out ? `${out}\n\n${p}` : p;
    if (next.length > max) break;
    out = next;
  }
  if (out) return out;
  const cut = prose.slice(0, max);
  const line = cut.lastIndexOf('\n');
  return line > max / 2 ? cut.slice(0, line) : cut;
}

function button(customId: string, label: string): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: customId, label: clip(label, LIMITS.buttonLabel) };
}

function select(block: Extract<Block, { type: 'choice' }>): APIComponentInMessageActionRow {
  const options: APISelectMenuOption[] = block.options.map((o) => {
    if (o.value.length > LIMITS.option) throw new Error(`Option value "${o.value.slice(0, 20)}..." is over ${LIMITS.option} characters`);
    return { label: clip(o.label, LIMITS.option), value: o.value, ...(o.description ? { description: clip(o.description, LIMITS.option) } : {}) };
  });
  return { type: ComponentType.StringSelect, custom_id: actionCustomId(block.id, block.action), placeholder: clip(block.label, LIMITS.placeholder), min_values: 1, max_values: 1, options };
}

function actionRow(components: APIComponentInMessageActionRow[]): Row {
  return { type: ComponentType.ActionRow, components };
}

function range(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
