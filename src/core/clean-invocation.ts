import type { Invocation, TextPart } from './invocation.js';
import { cleanInput, cleanRecord } from './text-hygiene.js';

/** Every string a person sent, with control characters removed, before anything reads or stores it. */
export function cleanInvocation(inv: Invocation): Invocation {
  const actor = { ...inv.actor, displayName: cleanInput(inv.actor.displayName) };
  switch (inv.kind) {
    case 'command':
      return {
        ...inv,
        actor,
        ...(inv.text !== undefined ? { text: cleanInput(inv.text) } : {}),
        ...(inv.parts ? { parts: cleanParts(inv.parts) } : {}),
        ...(inv.options ? { options: cleanRecord(inv.options) } : {}),
      };
    case 'action':
      return { ...inv, actor, ...(inv.value !== undefined ? { value: cleanInput(inv.value) } : {}), ...(inv.values ? { values: cleanRecord(inv.values) } : {}) };
    case 'message':
      return { ...inv, actor, text: cleanInput(inv.text), ...(inv.parts ? { parts: cleanParts(inv.parts) } : {}) };
  }
}

function cleanParts(parts: readonly TextPart[]): TextPart[] {
  return parts.map((p) => (typeof p === 'string' ? cleanInput(p) : { ...p, ...(p.name !== undefined ? { name: cleanInput(p.name) } : {}) }));
}
