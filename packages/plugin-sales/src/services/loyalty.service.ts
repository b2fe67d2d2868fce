import { randomInt } from 'node:crypto';
import {
  badUserInput,
  findLive,
  Counterparty,
  loadForUpdate,
  LockMode,
  Workspace,
  type WriteContext,
} from '@kontra/core';
import type { LoyaltyRule } from '../config.js';
import { LoyaltyCard, LoyaltyTransaction } from '../entities/loyalty.entity.js';
import type { Order } from '../entities/order.entity.js';
import { scaled } from './order-math.js';

export interface Tier {
  name: string;
  minPoints: number;
}

/** The highest tier whose threshold the lifetime points reach, and the one after it. */
export function tierFor(rule: LoyaltyRule, pointsEarned: number): { tier: Tier; next: Tier | null } {
  const tiers = [...rule.tiers].sort((a, b) => a.minPoints - b.minPoints);
  const reached = tiers.filter((t) => t.minPoints <= pointsEarned);
  const tier = reached.at(-1) ?? tiers[0]!;
  return { tier, next: tiers.find((t) => t.minPoints > pointsEarned) ?? null };
}

/** Points for an order total under the rule: whole currency units × rate, rounded down. */
export function pointsFor(rule: LoyaltyRule, total: string): number {
  // Cents are exact in a double (below 2^53); the epsilon absorbs binary error of a fractional rate.
  return Math.floor((Number(scaled(total, 2)) * rule.pointsPerCurrencyUnit) / 100 + 1e-9);
}

async function lockedCardOf(tx: WriteContext, counterpartyId: string): Promise<LoyaltyCard | null> {
  return tx.em.findOne(
    LoyaltyCard,
    { workspace: tx.principal.workspaceId, counterparty: counterpartyId, deletedAt: null },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
}

function movement(tx: WriteContext, card: LoyaltyCard, points: number, reason: string, order: Order | null) {
  tx.em.persist(Object.assign(new LoyaltyTransaction(), { workspace: card.workspace, card, order, points, reason }));
  tx.emit({
    type: points >= 0 ? 'sales.loyaltyPointsEarned' : 'sales.loyaltyPointsDeducted',
    entityType: 'LoyaltyCard',
    entityId: card.id,
    counterpartyId: card.counterparty.id,
    payload: { points, reason, orderId: order?.id ?? null, balance: card.pointsEarned - card.pointsRedeemed },
  });
}

export async function issueCard(tx: WriteContext, counterpartyId: string): Promise<LoyaltyCard> {
  const counterparty = await findLive(tx, Counterparty, counterpartyId);
  if (!counterparty)
    throw badUserInput('No such counterparty', [
      { path: 'counterpartyId', message: 'is not a counterparty of this workspace' },
    ]);
  if (await tx.em.findOne(LoyaltyCard, { workspace: tx.principal.workspaceId, counterparty })) {
    throw badUserInput('The counterparty has a card already', [
      { path: 'counterpartyId', message: 'already holds a loyalty card' },
    ]);
  }
  const card = Object.assign(new LoyaltyCard(), {
    workspace: tx.em.getReference(Workspace, tx.principal.workspaceId),
    counterparty,
    number: String(randomInt(1e11, 1e12 - 1)),
  });
  tx.em.persist(card);
  tx.emit({
    type: 'sales.loyaltyCardIssued',
    entityType: 'LoyaltyCard',
    entityId: card.id,
    counterpartyId,
    payload: { number: card.number },
  });
  return card;
}

/** Credits a placed order's points to its counterparty's card, if they hold one. */
export async function earnForOrder(tx: WriteContext, order: Order, rule: LoyaltyRule): Promise<void> {
  const card = await lockedCardOf(tx, order.counterparty.id);
  const points = pointsFor(rule, order.total);
  if (!card || points <= 0) return;
  card.pointsEarned += points;
  movement(tx, card, points, 'order placed', order);
}

/** Takes back what a cancelled or refunded order earned. */
export async function reverseForOrder(tx: WriteContext, order: Order): Promise<void> {
  const card = await lockedCardOf(tx, order.counterparty.id);
  if (!card) return;
  const earned = await tx.em.find(LoyaltyTransaction, { card, order: order.id });
  const points = earned.reduce((sum, t) => sum + t.points, 0);
  if (points <= 0) return;
  card.pointsEarned -= points;
  movement(tx, card, -points, `order ${order.status.toLowerCase()}`, order);
}

export async function redeemPoints(tx: WriteContext, cardId: string, version: number, points: number, reason: string) {
  const card = await loadForUpdate(tx, LoyaltyCard, cardId, { expectedVersion: version, label: 'LoyaltyCard' });
  const balance = card.pointsEarned - card.pointsRedeemed;
  if (points > balance) {
    throw badUserInput(`Only ${balance} points are available`, [
      { path: 'points', message: `must be at most the balance, ${balance}` },
    ]);
  }
  card.pointsRedeemed += points;
  movement(tx, card, -points, reason, null);
  return card;
}
