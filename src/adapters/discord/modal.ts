import {
  ComponentType,
  TextInputStyle,
  type APILabelComponent,
  type APIModalInteractionResponseCallbackData,
  type APIStringSelectComponent,
  type APITextDisplayComponent,
  type APITextInputComponent,
} from 'discord.js';
import type { Copy } from '../../content/copy.js';
import type { FormField } from '../../core/reply.js';
import { clip } from './command-options.js';
import { modalCustomId } from './custom-id.js';
import type { FormBlock } from './render.js';

const LIMITS = { title: 45, label: 45, description: 100, placeholder: 100, value: 4000, components: 5, option: 100, text: 4000 } as const;

const isRequired = (f: FormField): boolean => (f.kind === 'text' ? f.required === true : f.required !== false);

type ModalPart = APILabelComponent | APITextDisplayComponent;

/**
 * A form as a Discord modal of Label components: text fields as text inputs, scales and choices as
 * select menus (nothing to type, nothing to get wrong). A label holds 45 characters: a longer question
 * is shown whole, in the label's description when it fits in 100 characters, else as a text display
 * above it when the modal has room (5 components), else split between label and description.
 */
export function renderModal(token: string, form: FormBlock, copy: Copy): APIModalInteractionResponseCallbackData {
  let room = LIMITS.components - form.fields.length;
  const components: ModalPart[] = [];
  for (const field of form.fields) {
    const label = labelFor(field.label, field.kind === 'text' ? field.hint : undefined, room > 0);
    if (label.display) {
      components.push({ type: ComponentType.TextDisplay, content: label.display });
      room--;
    }
    components.push({ type: ComponentType.Label, label: label.label, ...(label.description ? { description: label.description } : {}), component: input(field, copy) });
  }
  return { custom_id: modalCustomId(token), title: clip(form.title, LIMITS.title), components };
}

function labelFor(text: string, hint: string | undefined, canDisplay: boolean): { label: string; description?: string; display?: string } {
  const full = text.replace(/\s+/g, ' ').trim();
  if (full.length <= LIMITS.label) {
    if (!hint) return { label: full };
    // A hint (a reflection's prompt) is worth reading whole: the description, else a text display.
    if (hint.length <= LIMITS.description) return { label: full, description: hint };
    return canDisplay ? { label: full, display: hint.slice(0, LIMITS.text) } : { label: full };
  }
  const short = clip(full, LIMITS.label);
  if (full.length <= LIMITS.description) return { label: short, description: full };
  if (canDisplay) return { label: short, display: full.slice(0, LIMITS.text) };
  // No room for a text display: the label begins the question and its description carries on.
  const head = full.slice(0, full.lastIndexOf(' ', LIMITS.label - 3) > 0 ? full.lastIndexOf(' ', LIMITS.label - 3) : LIMITS.label - 3);
  return { label: `${head}...`, description: clip(`...${full.slice(head.length).trim()}`, LIMITS.description) };
}

function input(field: FormField, copy: Copy): APITextInputComponent | APIStringSelectComponent {
  const required = isRequired(field);
  switch (field.kind) {
    case 'text': {
      const placeholder = field.placeholder;
      return {
        type: ComponentType.TextInput,
        custom_id: field.id,
        required,
        style: field.multiline ? TextInputStyle.Paragraph : TextInputStyle.Short,
        max_length: Math.min(field.maxLength, LIMITS.value),
        ...(placeholder ? { placeholder: clip(placeholder, LIMITS.placeholder) } : {}),
        ...(field.initial ? { value: field.initial.slice(0, LIMITS.value) } : {}),
      };
    }
    case 'scale': {
      const options = [];
      for (let n = field.min; n <= field.max; n++) options.push({ label: clip(field.labels?.[n] ? `${n} ${field.labels[n]}` : String(n), LIMITS.option), value: String(n) });
      return { type: ComponentType.StringSelect, custom_id: field.id, required, min_values: required ? 1 : 0, max_values: 1, placeholder: clip(copy('discord.form.pick'), LIMITS.placeholder), options };
    }
    case 'choice':
      return {
        type: ComponentType.StringSelect,
        custom_id: field.id,
        required,
        min_values: required ? 1 : 0,
        max_values: 1,
        placeholder: clip(copy('discord.form.pick'), LIMITS.placeholder),
        options: field.options.map((o) => ({
          label: clip(o.label, LIMITS.option),
          value: o.value,
          ...(o.description ? { description: clip(o.description, LIMITS.option) } : {}),
          ...(o.value === field.initial ? { default: true } : {}),
        })),
      };
  }
}

/** Checks what was typed into a modal against the form; values are keyed by field id, as the action expects. */
export function readModalValues(form: FormBlock, submitted: Record<string, string>, copy: Copy): { values: Record<string, string> } | { error: string } {
  const values: Record<string, string> = {};
  for (const field of form.fields) {
    const raw = (submitted[field.id] ?? '').trim();
    const shown = clip(raw, 60);
    if (raw === '') {
      if (isRequired(field)) return { error: copy('discord.form.required', { label: field.label }) };
      continue;
    }
    switch (field.kind) {
      case 'text':
        if (raw.length > field.maxLength) return { error: copy('discord.form.tooLong', { label: field.label, length: raw.length, max: field.maxLength }) };
        values[field.id] = raw;
        break;
      case 'scale': {
        const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
        if (!Number.isInteger(n) || n < field.min || n > field.max) return { error: copy('discord.form.badScale', { label: field.label, min: field.min, max: field.max, value: shown }) };
        values[field.id] = String(n);
        break;
      }
      case 'choice': {
        const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
        const lower = raw.toLowerCase();
        const picked = (Number.isInteger(n) ? field.options[n - 1] : undefined) ?? field.options.find((o) => o.value === raw || o.label.toLowerCase() === lower);
        if (!picked) return { error: copy('discord.form.badChoice', { label: field.label, options: field.options.map((o) => o.label).join(', '), value: shown }) };
        values[field.id] = picked.value;
        break;
      }
    }
  }
  return { values };
}
