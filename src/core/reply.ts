/**
 * The platform-neutral reply model. Adapters render it to Block Kit, Discord embeds/components or plain text.
 * Every reply carries `text`, a complete fallback for notifications, screen readers and plain clients.
 */
export interface Reply {
  text: string;
  blocks: Block[];
  /** Only the person who asked sees it (Slack ephemeral, Discord ephemeral, shell: as usual). */
  private?: boolean;
}

/** Which command action a button, select or form submits to, e.g. `{ command: 'checkin', action: 'submit' }`. */
export interface ActionRef {
  command: string;
  action: string;
}

export interface Option {
  label: string;
  value: string;
  description?: string;
}

export type FormField =
  | { kind: 'text'; id: string; label: string; hint?: string; multiline?: boolean; required?: boolean; maxLength: number; placeholder?: string; initial?: string }
  | { kind: 'scale'; id: string; label: string; min: number; max: number; labels?: Record<number, string>; required?: boolean }
  | {
      kind: 'choice';
      id: string;
      label: string;
      options: Option[];
      required?: boolean;
      initial?: string;
      /** Asked only once this field has an answer, where questions come one at a time (the shell); a modal shows it always. */
      askIf?: string;
    };

export type Block =
  | { type: 'text'; text: string; style?: 'heading' | 'normal' | 'quote' | 'muted' }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  /** A row of buttons min..max; a click submits `value` = the number as text. */
  | { type: 'scale'; id: string; label: string; min: number; max: number; labels?: Record<number, string>; action: ActionRef }
  /** Pick one option; submits its value. `style: 'buttons'` for two or three short options. */
  | { type: 'choice'; id: string; label: string; options: Option[]; action: ActionRef; style?: 'buttons' | 'select' }
  /** Several questions submitted together; values arrive keyed by field id. */
  | { type: 'form'; id: string; title: string; submitLabel: string; fields: FormField[]; action: ActionRef }
  | { type: 'image'; alt: string; filename: string; data: Uint8Array; mime: 'image/png' }
  /** A downloadable document, such as a privacy export. */
  | { type: 'file'; filename: string; mime: string; data: Uint8Array; title: string }
  | { type: 'divider' };

export type BlockType = Block['type'];

/** Limits every adapter can honour; wider platforms simply never hit them. */
export const LIMITS = {
  /** Discord modal inputs and a sane form length. */
  formFields: 5,
  /** Discord select menus hold 25 options. */
  choiceOptions: 25,
  /** Slack section text holds 3,000 characters. */
  textBlock: 3000,
  fields: 10,
  fieldValue: 1000,
} as const;

export function reply(text: string, blocks: Block[] = [], opts: { private?: boolean } = {}): Reply {
  return { text, blocks: blocks.length ? blocks : [{ type: 'text', text }], ...(opts.private ? { private: true } : {}) };
}

/** A reply only the asker sees. */
export function privateReply(text: string, blocks: Block[] = []): Reply {
  return reply(text, blocks, { private: true });
}

export const text = (value: string, style?: 'heading' | 'normal' | 'quote' | 'muted'): Block =>
  style ? { type: 'text', text: value, style } : { type: 'text', text: value };

export const heading = (value: string): Block => text(value, 'heading');

export const divider = (): Block => ({ type: 'divider' });

export const fields = (pairs: Array<[string, string]>): Block => ({
  type: 'fields',
  fields: pairs.map(([label, value]) => ({ label, value })),
});

/** Checks the invariants adapters rely on; a violation is a programming error, so it throws. */
export function assertValidReply(r: Reply): void {
  if (!r.text || !r.text.trim()) throw new Error('A reply needs a text fallback');
  const ids = new Set<string>();
  for (const b of r.blocks) {
    switch (b.type) {
      case 'text':
        if (b.text.length > LIMITS.textBlock) throw new Error(`A text block is longer than ${LIMITS.textBlock} characters`);
        break;
      case 'fields':
        if (b.fields.length === 0 || b.fields.length > LIMITS.fields) throw new Error(`A fields block holds 1-${LIMITS.fields} fields`);
        break;
      case 'scale':
        if (!Number.isInteger(b.min) || !Number.isInteger(b.max) || b.min >= b.max || b.max - b.min > 9) throw new Error('A scale spans 2-10 whole numbers');
        break;
      case 'choice':
        if (b.options.length < 1 || b.options.length > LIMITS.choiceOptions) throw new Error(`A choice holds 1-${LIMITS.choiceOptions} options`);
        break;
      case 'form':
        if (b.fields.length < 1 || b.fields.length > LIMITS.formFields) throw new Error(`A form holds 1-${LIMITS.formFields} fields`);
        break;
      default:
        break;
    }
    if ('id' in b) {
      if (ids.has(b.id)) throw new Error(`Duplicate block id ${b.id}`);
      ids.add(b.id);
    }
  }
}
