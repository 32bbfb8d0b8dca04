import type { Block, FormField, Option, Reply } from '../../core/reply.js';

/** What the shell needs from the person after printing a reply. */
export type Pending =
  /** `byValue`: the person types the option's value (a scale's number), not its position. */
  | { kind: 'pick'; command: string; action: string; options: Option[]; byValue?: boolean }
  | { kind: 'form'; command: string; action: string; title: string; fields: FormField[] };

export interface Rendered {
  text: string;
  pending?: Pending;
  files: Array<{ filename: string; data: Uint8Array; title: string }>;
}

export interface Style {
  heading(s: string): string;
  muted(s: string): string;
}

export const plainStyle: Style = { heading: (s) => s, muted: (s) => s };
export const ttyStyle: Style = { heading: (s) => `\x1b[1m${s}\x1b[0m`, muted: (s) => `\x1b[2m${s}\x1b[0m` };

/** Renders a reply as readable text. Scales and choices become numbered options; the first interactive block becomes pending. */
export function renderReply(reply: Reply, style: Style = plainStyle): Rendered {
  const out: string[] = [];
  const files: Rendered['files'] = [];
  let pending: Pending | undefined;
  for (const block of reply.blocks) {
    const p = renderBlock(block, out, files, style, pending === undefined);
    if (p && !pending) pending = p;
  }
  return { text: out.join('\n'), files, ...(pending ? { pending } : {}) };
}

function renderBlock(block: Block, out: string[], files: Rendered['files'], style: Style, interactive: boolean): Pending | undefined {
  switch (block.type) {
    case 'text':
      if (block.style === 'heading') out.push(style.heading(block.text), style.heading('-'.repeat(Math.min(block.text.length, 60))));
      else if (block.style === 'quote') out.push(...block.text.split('\n').map((l) => `> ${l}`));
      else if (block.style === 'muted') out.push(style.muted(block.text));
      else out.push(block.text);
      return undefined;
    case 'fields':
      for (const f of block.fields) out.push(`${f.label}: ${f.value}`);
      return undefined;
    case 'divider':
      out.push('----');
      return undefined;
    case 'scale': {
      const options = scaleOptions(block.min, block.max, block.labels);
      out.push(block.label, ...numbered(options, true));
      if (interactive) out.push(style.muted(`Type a number ${block.min}-${block.max}, or another command.`));
      return { kind: 'pick', command: block.action.command, action: block.action.action, options, byValue: true };
    }
    case 'choice':
      out.push(block.label, ...numbered(block.options));
      if (interactive) out.push(style.muted(`Type ${block.options.length === 1 ? '1' : `a number 1-${block.options.length}`}, or another command.`));
      return { kind: 'pick', command: block.action.command, action: block.action.action, options: block.options };
    case 'form':
      out.push(style.muted(`${block.title} (${block.fields.length === 1 ? '1 question' : `${block.fields.length} questions`}; type \\cancel to stop):`));
      return { kind: 'form', command: block.action.command, action: block.action.action, title: block.title, fields: block.fields };
    case 'image':
      files.push({ filename: block.filename, data: block.data, title: block.alt });
      return undefined;
    case 'file':
      files.push({ filename: block.filename, data: block.data, title: block.title });
      return undefined;
  }
}

export function scaleOptions(min: number, max: number, labels?: Record<number, string>): Option[] {
  const options: Option[] = [];
  for (let n = min; n <= max; n++) options.push({ value: String(n), label: labels?.[n] ?? String(n) });
  return options;
}

/** "  1) label"; for a scale the key is the number itself, so a 0-4 scale reads "0) ...". */
function numbered(options: Option[], byValue = false): string[] {
  // A scale without words needs no list: "Type 1-5" says it all.
  if (byValue && options.every((o) => o.label === o.value && !o.description)) return [];
  return options.map((o, i) => `  ${byValue ? o.value : String(i + 1)}) ${o.label}${o.description ? ` - ${o.description}` : ''}`);
}

/** The question line for one form field. */
export function fieldPrompt(field: FormField): string[] {
  switch (field.kind) {
    case 'text': {
      // The hint repeats what the message above already shows, so the shell leaves it out.
      const lines: string[] = [];
      lines.push(`${field.label}${field.required ? '' : ' (optional, press Enter to skip)'} [up to ${field.maxLength} characters]:`);
      return lines;
    }
    case 'scale':
      return [`${field.label}${field.required === false ? ' (optional)' : ''}`, ...numbered(scaleOptions(field.min, field.max, field.labels), true), `Type ${field.min}-${field.max}:`];
    case 'choice':
      return [`${field.label}${field.required === false ? ' (optional)' : ''}`, ...numbered(field.options), `Type 1-${field.options.length}:`];
  }
}

/**
 * Reads one answer for a form field; returns the value to submit, '' for a skipped optional field,
 * or an error to show before asking again.
 */
export function readFieldAnswer(field: FormField, line: string): { value: string } | { error: string } {
  const answer = line.trim();
  if (answer === '') return field.required === false || (field.kind === 'text' && !field.required) ? { value: '' } : { error: 'This one needs an answer.' };
  switch (field.kind) {
    case 'text':
      return { value: answer };
    case 'scale': {
      const n = Number(answer);
      if (!Number.isInteger(n) || n < field.min || n > field.max) return { error: `Type a whole number from ${field.min} to ${field.max}.` };
      return { value: String(n) };
    }
    case 'choice': {
      const n = Number(answer);
      const byNumber = Number.isInteger(n) ? field.options[n - 1] : undefined;
      const byValue = field.options.find((o) => o.value === answer || o.label.toLowerCase() === answer.toLowerCase());
      const picked = byNumber ?? byValue;
      if (!picked) return { error: `Type a number from 1 to ${field.options.length}.` };
      return { value: picked.value };
    }
  }
}
