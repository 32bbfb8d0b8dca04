import type { Content } from '../../content/load-content.js';
import type { PracticeCard } from '../../content/practice-library.js';
import { MAX_PRACTICE_ANSWER } from '../../core/model/practice.js';
import { heading, text, type Block, type Reply } from '../../core/reply.js';
import { componentLabel } from '../labels.js';

type Wording = Pick<Content, 'copy' | 'practice'>;

/** One line under a card's title: channel, difficulty and the EI components it trains. */
export function cardMeta(content: Wording, card: PracticeCard): string {
  const copy = content.copy;
  return copy('practice.meta', {
    channel: copy(`practice.channel.${card.channel}`),
    difficulty: copy(`practice.difficulty.${card.difficulty}`),
    components: card.components.map(componentLabel).join(', '),
  });
}

function sceneBlocks(content: Wording, card: PracticeCard, title: string): Block[] {
  const copy = content.copy;
  return [heading(title), text(cardMeta(content, card), 'muted'), text(copy('practice.scene', { scene: card.scene })), text(copy('practice.opening', { opening: card.opening }), 'quote')];
}

/** Plain text of the blocks, for the reply's fallback. */
export function fallbackOf(blocks: readonly Block[]): string {
  return blocks
    .flatMap((b) => (b.type === 'text' ? [b.style === 'quote' ? `> ${b.text}` : b.text] : b.type === 'choice' ? [b.label] : b.type === 'form' ? [b.title] : []))
    .join('\n');
}

/** Solo: the card, and a form for the person's first reply (the shell asks for it on the next line). */
export function soloCardReply(content: Wording, card: PracticeCard): Reply {
  const copy = content.copy;
  const blocks: Block[] = [
    ...sceneBlocks(content, card, copy('practice.soloTitle', { title: card.title })),
    text(copy(`practice.howToAnswer.${card.channel}`), 'muted'),
    {
      type: 'form',
      id: 'practice',
      title: copy('practice.formTitle'),
      submitLabel: copy('practice.submit'),
      fields: [{ kind: 'text', id: 'answer', label: copy('practice.answerLabel'), hint: card.opening.slice(0, 150), multiline: true, required: true, maxLength: MAX_PRACTICE_ANSWER }],
      action: { command: 'practice', action: 'answer' },
    },
  ];
  return { text: fallbackOf(blocks), blocks, private: true };
}

/** Solo, after the answer: what skilled responders do, a model reply, and two questions about their own answer. */
export function feedbackReply(content: Wording, card: PracticeCard, answer: string): Reply {
  const copy = content.copy;
  const techniques = card.techniques.map((id) => content.practice.techniques.find((t) => t.id === id)!);
  const questions = techniques.slice(0, 2).map((t, i) => `${i + 1}. ${t.question}`);
  const blocks: Block[] = [
    heading(copy('practice.feedbackTitle', { title: card.title })),
    text(copy('practice.yourAnswer')),
    text(answer, 'quote'),
    text(`${copy('practice.skilledTitle')}\n${techniques.map((t) => `- ${t.name}: ${t.what}`).join('\n')}`),
    text(copy('practice.tip', { tip: card.tip })),
    text(copy('practice.modelTitle')),
    text(card.model, 'quote'),
    text(`${copy('practice.questionsTitle')}\n${questions.join('\n')}`),
    text(copy('practice.answerPrivacy'), 'muted'),
  ];
  return { text: fallbackOf(blocks), blocks, private: true };
}

/** Peer: one person's part in a round, as the customer (with the private brief) or as the responder. */
export function roleReply(
  content: Wording,
  card: PracticeCard,
  opts: { role: 'customer' | 'responder'; partner: string; round: 1 | 2; sessionId: string },
): Reply {
  const copy = content.copy;
  const vars = { partner: opts.partner, title: card.title, round: opts.round };
  const blocks: Block[] = [...sceneBlocks(content, card, copy('practice.peer.title', vars))];
  blocks.splice(1, 0, text(copy(`practice.peer.${opts.role}Round`, vars)));
  if (opts.role === 'customer') {
    blocks.push(
      text(`${copy('practice.peer.briefTitle')}\n${copy('practice.peer.feels', { feels: card.customer.feels })}\n${copy('practice.peer.wants', { wants: card.customer.wants })}\n${copy('practice.peer.helps', { helps: card.customer.helps })}`),
      text(copy('practice.peer.customerHow', vars), 'muted'),
    );
  } else {
    blocks.push(text(copy('practice.peer.responderHow', { ...vars, how: copy(`practice.howToAnswer.${card.channel}`) }), 'muted'));
  }
  const next = opts.round === 1 ? { action: 'swap', label: copy('practice.peer.swapButton') } : { action: 'finish', label: copy('practice.peer.finishButton') };
  blocks.push({
    type: 'choice',
    id: `practice-${next.action}`,
    label: copy(`practice.peer.${next.action}Question`, vars),
    options: [{ label: next.label, value: opts.sessionId }],
    action: { command: 'practice', action: next.action },
    style: 'buttons',
  });
  return { text: fallbackOf(blocks), blocks, private: true };
}

/** Peer, after both rounds: three debrief questions for both. */
export function debriefReply(content: Wording, card: PracticeCard, partner: string): Reply {
  const copy = content.copy;
  const blocks: Block[] = [
    heading(copy('practice.peer.debriefTitle', { partner, title: card.title })),
    text(`${copy('practice.peer.debriefIntro', { partner })}\n${content.practice.debrief.map((q, i) => `${i + 1}. ${q}`).join('\n')}`),
    text(copy('practice.modelTitle')),
    text(card.model, 'quote'),
  ];
  return { text: fallbackOf(blocks), blocks, private: true };
}
