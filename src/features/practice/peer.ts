import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../../core/command.js';
import { UserError } from '../../core/errors.js';
import type { PeerPractice } from '../../core/model/practice.js';
import { privateReply, type Reply } from '../../core/reply.js';
import type { PersonArg } from '../../core/person-arg.js';
import { nameOf, resolvePersonRef } from '../people-ref.js';
import { debriefReply, roleReply } from './card-view.js';
import { arePartners } from './partners.js';
import { pickCard, type CardFilters } from './pick-card.js';
import { addSession, newSession, practiceRandom, recentCards } from './sessions.js';

/** Peer sessions untouched this long are dropped at the next write: nobody is left with a stale card. */
const PEER_DAYS = 14;

/**
 * `practice with @name`: both get the same card; the invited person plays the customer first (with
 * the private brief), the asker responds. The partner's message goes through the outbox.
 */
export async function startPeer(ctx: CommandContext, partner: PersonArg, filters: CardFilters): Promise<Reply> {
  const copy = ctx.content.copy;
  const me = ctx.person.id;
  const ref = await resolvePersonRef(ctx, ctx.person.workspace, partner, ctx.actor.traits);
  if (ref.id === me) throw new UserError(copy('practice.peer.self'));
  if (!ref.known || !(await arePartners(ctx, me, ref.id))) throw new UserError(copy('practice.peer.notMatched', { name: ref.name }));
  const id = ctx.idempotencyKey ? `peer:${ctx.idempotencyKey}` : randomUUID();
  const retried = await ctx.store.practice.peers.get(id);
  if (retried) {
    // A retried event: the partner already has the card; show the asker theirs again and send nothing.
    const card = ctx.content.practice.cards.find((c) => c.id === retried.cardId);
    if (card) return roleReply(ctx.content, card, { role: 'responder', partner: ref.name, round: 1, sessionId: id });
  }
  const recent = [...(await recentCards(ctx, me)), ...(await recentCards(ctx, ref.id))];
  const card = pickCard(ctx.content.practice, filters, recent, practiceRandom(me, ctx.now));
  if (!card) throw new UserError(copy('practice.noCards'));
  const now = ctx.now.toISOString();
  const peer: PeerPractice = { id, cardId: card.id, people: [me, ref.id], customerFirst: ref.id, stage: 'first', startedAt: now, updatedAt: now };
  const cutoff = new Date(ctx.now.getTime() - PEER_DAYS * 86_400_000).toISOString();
  const myName = await nameOf(ctx, me);
  const invitation = invitationFor(ctx, roleReply(ctx.content, card, { role: 'customer', partner: myName, round: 1, sessionId: peer.id }), myName);
  // The session and the partner's card are written together: a retried event records and sends it once.
  await ctx.store.transaction(async (tx) => {
    for (const p of await tx.practice.peers.list()) {
      // One session per pair at a time; a new invitation replaces an unfinished one.
      if (p.updatedAt < cutoff || (p.people.includes(me) && p.people.includes(ref.id))) await tx.practice.peers.remove(p.id);
    }
    await tx.practice.peers.create(peer);
    await addSession(tx.practice, me, newSession(card, 'peer', ctx.now, ctx.today, { peerSessionId: peer.id }));
    await addSession(tx.practice, ref.id, newSession(card, 'peer', ctx.now, ctx.today, { peerSessionId: peer.id }));
    await tx.outbox.enqueue({ key: `peer-invite:${peer.id}`, recipients: [ref.id], reply: invitation }, ctx.now);
  });
  await ctx.outbox.flush?.();
  const mine = roleReply(ctx.content, card, { role: 'responder', partner: ref.name, round: 1, sessionId: peer.id });
  return prefixed(mine, copy('practice.peer.sent', { name: ref.name }));
}

function invitationFor(ctx: CommandContext, reply: Reply, from: string): Reply {
  return { ...prefixed(reply, ctx.content.copy('practice.peer.invited', { name: from })), private: false };
}

function prefixed(reply: Reply, line: string): Reply {
  return { ...reply, text: `${line}\n${reply.text}`, blocks: [{ type: 'text', text: line }, ...reply.blocks] };
}

/**
 * Moves the session to the next stage; whoever moves it queues, in the same transaction, what the other
 * person gets (`notice`), so a double click or a retried event sends it once.
 */
async function advance(
  ctx: CommandContext,
  sessionId: string,
  from: PeerPractice['stage'],
  to: PeerPractice['stage'],
  notice: (peer: PeerPractice, other: string) => Promise<Reply | undefined>,
): Promise<{ peer: PeerPractice; moved: boolean }> {
  const copy = ctx.content.copy;
  const found = await ctx.store.practice.peers.get(sessionId);
  if (!found || !found.people.includes(ctx.person.id)) throw new UserError(copy('practice.peer.gone'));
  const other = found.people.find((p) => p !== ctx.person.id)!;
  const message = await notice(found, other);
  const result = await ctx.store.transaction(async (tx) => {
    let moved = false;
    const peer = await tx.practice.peers.update(sessionId, (p) => {
      moved = p.stage === from;
      return moved ? { ...p, stage: to, updatedAt: ctx.now.toISOString() } : p;
    });
    if (peer && moved && message) await tx.outbox.enqueue({ key: `peer-${to}:${sessionId}`, recipients: [other], reply: message }, ctx.now);
    return { peer, moved };
  });
  if (!result.peer) throw new UserError(copy('practice.peer.gone'));
  await ctx.outbox.flush?.();
  return { peer: result.peer, moved: result.moved };
}

/** After round one, either person swaps roles: the first responder now gets the customer's brief. */
export async function swapRoles(ctx: CommandContext, sessionId: string): Promise<Reply> {
  const me = ctx.person.id;
  // Round two: whoever played the customer first now responds.
  const roleOf = (peer: PeerPractice, p: string) => (p === peer.customerFirst ? 'responder' : 'customer') as 'customer' | 'responder';
  const cardOf = (peer: PeerPractice) => ctx.content.practice.cards.find((c) => c.id === peer.cardId);
  const { peer, moved } = await advance(ctx, sessionId, 'first', 'second', async (found, other) => {
    const card = cardOf(found);
    return card && { ...roleReply(ctx.content, card, { role: roleOf(found, other), partner: await nameOf(ctx, me), round: 2, sessionId }), private: false };
  });
  if (!moved) return privateReply(ctx.content.copy('practice.peer.alreadySwapped'));
  const card = cardOf(peer);
  if (!card) throw new UserError(ctx.content.copy('practice.peer.gone'));
  const other = peer.people.find((p) => p !== me)!;
  return roleReply(ctx.content, card, { role: roleOf(peer, me), partner: await nameOf(ctx, other), round: 2, sessionId });
}

/** After round two: the debrief questions, to both. */
export async function finishPeer(ctx: CommandContext, sessionId: string): Promise<Reply> {
  const me = ctx.person.id;
  const cardOf = (peer: PeerPractice) => ctx.content.practice.cards.find((c) => c.id === peer.cardId);
  const { peer, moved } = await advance(ctx, sessionId, 'second', 'debrief', async (found) => {
    const card = cardOf(found);
    return card && { ...debriefReply(ctx.content, card, await nameOf(ctx, me)), private: false };
  });
  const card = cardOf(peer);
  if (!card) throw new UserError(ctx.content.copy('practice.peer.gone'));
  const other = peer.people.find((p) => p !== me)!;
  if (!moved && peer.stage === 'first') return privateReply(ctx.content.copy('practice.peer.swapFirst'));
  return debriefReply(ctx.content, card, await nameOf(ctx, other));
}
