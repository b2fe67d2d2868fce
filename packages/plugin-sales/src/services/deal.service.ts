import {
  badUserInput,
  findLive,
  changedFields,
  Counterparty,
  loadForUpdate,
  User,
  Workspace,
  type FieldProblem,
  type WriteContext,
} from '@kontra/core';
import { Deal, DealLine, DealStageChange } from '../entities/deal.entity.js';
import { Pipeline, Stage } from '../entities/pipeline.entity.js';
import { StageKind } from '../entities/sales.enums.js';
import type { CreateDealInput, MoveDealInput, UpdateDealInput } from '../resolvers/inputs/deal.inputs.js';
import type { DealType } from '../resolvers/sales.types.js';
import { money } from './money.js';
import { priceLines, type PricedLine } from './line-pricing.js';
import { formatCents } from './order-math.js';
import type { ProductLineInput } from '../resolvers/order.types.js';
import { liveStage } from './pipeline.service.js';

const TRACKED = ['title', 'amount', 'ownerId', 'expectedCloseDate', 'source'] as const;

function snapshot(d: Deal) {
  return {
    title: d.title,
    amount: d.amount,
    ownerId: d.owner?.id ?? null,
    expectedCloseDate: d.expectedCloseDate,
    source: d.source,
  };
}

async function ownerOf(tx: WriteContext, id: string | null, problems: FieldProblem[]): Promise<User | null> {
  if (id === null) return null;
  const owner = await findLive(tx, User, id);
  if (!owner) problems.push({ path: 'ownerId', message: 'is not a user of this workspace' });
  return owner;
}

function recordMove(tx: WriteContext, deal: Deal, from: Stage | null, to: Stage): void {
  tx.em.persist(
    Object.assign(new DealStageChange(), {
      workspace: deal.workspace,
      deal,
      fromStage: from,
      toStage: to,
      actor: tx.em.getReference(User, tx.principal.userId),
    }),
  );
}

export async function createDeal(tx: WriteContext, input: CreateDealInput, defaultCurrency: string): Promise<Deal> {
  const problems: FieldProblem[] = [];
  const counterparty = await findLive(tx, Counterparty, input.counterpartyId);
  if (!counterparty) problems.push({ path: 'counterpartyId', message: 'is not a counterparty of this workspace' });
  const pipeline = await findLive(tx, Pipeline, input.pipelineId);
  if (!pipeline) problems.push({ path: 'pipelineId', message: 'is not a pipeline of this workspace' });
  let stage: Stage | null = null;
  if (pipeline) {
    stage = input.stageId
      ? await findLive(tx, Stage, input.stageId)
      : await tx.em.findOne(
          Stage,
          { pipeline, deletedAt: null, kind: StageKind.OPEN },
          { orderBy: { position: 'asc' } },
        );
    if (!stage || stage.pipeline.id !== pipeline.id || stage.kind !== StageKind.OPEN) {
      problems.push({ path: 'stageId', message: 'must be an open stage of the pipeline' });
    }
  }
  const owner = await ownerOf(tx, input.ownerId === undefined ? tx.principal.userId : input.ownerId, problems);
  const value = await dealValue(tx, input.lines, input.amount, input.currency ?? null, defaultCurrency, problems);
  if (problems.length || !counterparty || !pipeline || !stage || !value)
    throw badUserInput('The deal input is invalid', problems);
  const deal = Object.assign(new Deal(), {
    workspace: tx.em.getReference(Workspace, tx.principal.workspaceId),
    counterparty,
    pipeline,
    stage,
    owner,
    title: input.title,
    amount: value.amount,
    currency: value.currency,
    expectedCloseDate: input.expectedCloseDate ?? null,
    source: input.source ?? null,
  });
  tx.em.persist(deal);
  persistLines(tx, deal, value.lines);
  recordMove(tx, deal, null, stage);
  tx.emit({
    type: 'sales.dealCreated',
    entityType: 'Deal',
    entityId: deal.id,
    counterpartyId: counterparty.id,
    payload: {
      pipelineId: pipeline.id,
      stageId: stage.id,
      title: deal.title,
      amount: deal.amount,
      currency: deal.currency,
    },
  });
  return deal;
}

interface DealValue {
  amount: string;
  currency: string;
  lines: PricedLine[];
}

/** A deal's worth: the sum of its product lines when it has some, else the amount given. */
async function dealValue(
  tx: WriteContext,
  lines: ProductLineInput[] | undefined,
  amount: string | null | undefined,
  currency: string | null,
  defaultCurrency: string,
  problems: FieldProblem[],
): Promise<DealValue | null> {
  if (!lines?.length) {
    if (amount == null) {
      problems.push({ path: 'amount', message: 'is required when the deal has no lines' });
      return null;
    }
    return { amount: money(amount, 'amount'), currency: currency ?? defaultCurrency, lines: [] };
  }
  const priced = await priceLines(tx, lines, problems);
  const [lineCurrency] = priced.currencies;
  if (priced.currencies.size > 1 || (currency && lineCurrency && lineCurrency !== currency)) {
    problems.push({ path: 'lines', message: `the products must all be priced in ${currency ?? 'one currency'}` });
  }
  if (!lineCurrency) return null;
  return { amount: formatCents(priced.totalCents), currency: lineCurrency, lines: priced.lines };
}

function persistLines(tx: WriteContext, deal: Deal, lines: PricedLine[]): void {
  tx.em.persist(lines.map((line) => Object.assign(new DealLine(), { workspace: deal.workspace, deal, ...line })));
}

/** Locks the deal and loads its stage, whose kind decides what may happen to it. */
async function loadDeal(tx: WriteContext, id: string, version: number): Promise<Deal> {
  const deal = await loadForUpdate(tx, Deal, id, { expectedVersion: version, label: 'Deal' });
  await tx.em.findOneOrFail(Stage, { id: deal.stage.id });
  return deal;
}

export async function updateDeal(tx: WriteContext, input: UpdateDealInput): Promise<Deal> {
  const deal = await loadDeal(tx, input.id, input.version);
  const before = snapshot(deal);
  const problems: FieldProblem[] = [];
  if (input.title != null) deal.title = input.title;
  if (input.lines != null) {
    const value = await dealValue(tx, input.lines, null, deal.currency, deal.currency, problems);
    if (value) {
      await tx.em.nativeDelete(DealLine, { deal: deal.id });
      persistLines(tx, deal, value.lines);
      deal.amount = value.amount;
    }
  } else if (input.amount != null) deal.amount = money(input.amount, 'amount');
  if (input.ownerId !== undefined) deal.owner = await ownerOf(tx, input.ownerId, problems);
  if (input.expectedCloseDate !== undefined) deal.expectedCloseDate = input.expectedCloseDate;
  if (input.source !== undefined) deal.source = input.source;
  if (problems.length) throw badUserInput('The deal input is invalid', problems);
  const changes = changedFields(before, snapshot(deal), TRACKED);
  if (Object.keys(changes).length) {
    tx.emit({
      type: 'sales.dealUpdated',
      entityType: 'Deal',
      entityId: deal.id,
      counterpartyId: deal.counterparty.id,
      payload: { pipelineId: deal.pipeline.id },
      changes,
    });
  }
  return deal;
}

/**
 * Moves a deal to another stage of its pipeline, recording who moved it when. Won and lost deals
 * stay put until reopened; a move to a lost stage needs a reason.
 */
export async function moveDeal(tx: WriteContext, input: MoveDealInput, reopen: boolean): Promise<Deal> {
  const deal = await loadDeal(tx, input.id, input.version);
  const from = deal.stage;
  const to = await liveStage(tx, input.stageId);
  if (to.pipeline.id !== deal.pipeline.id) {
    throw badUserInput('The stage belongs to another pipeline', [
      { path: 'stageId', message: "is not a stage of the deal's pipeline" },
    ]);
  }
  const closed = from.kind !== StageKind.OPEN;
  if (closed && !reopen) {
    throw badUserInput(`The deal is ${from.kind.toLowerCase()}; reopen it to move it`, [
      { path: 'stageId', message: 'a won or lost deal moves only through reopenDeal' },
    ]);
  }
  if (reopen && (!closed || to.kind !== StageKind.OPEN)) {
    throw badUserInput('Only a won or lost deal reopens, into an open stage', [
      { path: 'stageId', message: closed ? 'must be an open stage' : 'the deal is open already' },
    ]);
  }
  if (to.kind === StageKind.LOST && !input.lostReason) {
    throw badUserInput('A lost deal needs a reason', [{ path: 'lostReason', message: 'is required for a lost stage' }]);
  }
  if (from.id === to.id) return deal;
  deal.stage = to;
  deal.closedAt = to.kind === StageKind.OPEN ? null : new Date();
  deal.lostReason = to.kind === StageKind.LOST ? input.lostReason! : null;
  recordMove(tx, deal, from, to);
  const type = reopen
    ? 'sales.dealReopened'
    : to.kind === StageKind.WON
      ? 'sales.dealWon'
      : to.kind === StageKind.LOST
        ? 'sales.dealLost'
        : 'sales.dealStageChanged';
  tx.emit({
    type,
    entityType: 'Deal',
    entityId: deal.id,
    counterpartyId: deal.counterparty.id,
    payload: {
      pipelineId: deal.pipeline.id,
      fromStageId: from.id,
      toStageId: to.id,
      amount: deal.amount,
      lostReason: deal.lostReason,
    },
    changes: { stageId: { old: from.id, new: to.id } },
  });
  return deal;
}

export function toDealRow(d: Deal): DealType {
  return {
    id: d.id,
    counterpartyId: d.counterparty.id,
    pipelineId: d.pipeline.id,
    stageId: d.stage.id,
    ownerId: d.owner?.id ?? null,
    title: d.title,
    amount: d.amount,
    currency: d.currency,
    expectedCloseDate: d.expectedCloseDate,
    source: d.source,
    lostReason: d.lostReason,
    status: d.stage.kind,
    closedAt: d.closedAt,
    version: d.version,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}
