import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData, type APITextInputComponent } from 'discord.js';
import type { Copy } from '../../content/copy.js';
import type { FormField } from '../../core/reply.js';
import { clip } from './command-options.js';
import { modalCustomId } from './custom-id.js';
import type { FormBlock } from './render.js';

const LIMITS = { title: 45, label: 45, placeholder: 100, value: 4000 } as const;

const isRequired = (f: FormField): boolean => (f.kind === 'text' ? f.required === true : f.required !== false);

/**
 * A form as a Discord modal (text inputs only): scales and choices become short inputs whose
 * placeholder says what to type; readModalValues checks them on submit.
 */
export function renderModal(token: string, form: FormBlock, copy: Copy): APIModalInteractionResponseCallbackData {
  return {
    custom_id: modalCustomId(token),
    title: clip(form.title, LIMITS.title),
    components: form.fields.map((field) => ({ type: ComponentType.ActionRow, components: [textInput(field, copy)] })),
  };
}

function textInput(field: FormField, copy: Copy): APITextInputComponent {
  const base = { type: ComponentType.TextInput as const, custom_id: field.id, label: clip(field.label, LIMITS.label), required: isRequired(field) };
  switch (field.kind) {
    case 'text': {
      const placeholder = field.placeholder ?? field.hint;
      return {
        ...base,
        style: field.multiline ? TextInputStyle.Paragraph : TextInputStyle.Short,
        max_length: Math.min(field.maxLength, LIMITS.value),
        ...(placeholder ? { placeholder: clip(placeholder, LIMITS.placeholder) } : {}),
        ...(field.initial ? { value: field.initial.slice(0, LIMITS.value) } : {}),
      };
    }
    case 'scale': {
      const ends = field.labels?.[field.min] && field.labels?.[field.max] ? ` (${field.min} ${field.labels[field.min]}, ${field.max} ${field.labels[field.max]})` : '';
      return { ...base, style: TextInputStyle.Short, max_length: 10, placeholder: clip(copy('discord.form.scaleHint', { min: field.min, max: field.max }) + ends, LIMITS.placeholder) };
    }
    case 'choice': {
      const initial = field.options.find((o) => o.value === field.initial);
      return {
        ...base,
        style: TextInputStyle.Short,
        max_length: 100,
        placeholder: clip(copy('discord.form.choiceHint', { options: field.options.map((o) => o.label).join(', ') }), LIMITS.placeholder),
        ...(initial ? { value: initial.label } : {}),
      };
    }
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
