import { sql, type TimelineSource } from '@kontra/core';
import { StageKind } from '../entities/sales.enums.js';
import { orderById } from '../services/order.queries.js';
import { dealById, stageChangeById } from '../services/sales.queries.js';
import { DealMovedTimelineEntry, DealTimelineEntry, OrderTimelineEntry } from './sales-timeline.types.js';

const dealCreated: TimelineSource = {
  kind: 'sales.dealCreated',
  type: () => DealTimelineEntry,
  entries: ({ workspaceId, counterpartyId }) => sql`select id, created_at as occurred_at from sales_deal
    where workspace_id = ${workspaceId} and counterparty_id = ${counterpartyId} and deleted_at is null`,
  load: async (ctx, ids) =>
    (await ctx.loader(dealById).loadMany(ids)).map((deal) => (deal && !(deal instanceof Error) ? { deal } : deal)),
};

/** Moves into an open, a won or a lost stage; the deal's first placement is dealCreated instead. */
function dealMoves(kind: string, to: StageKind): TimelineSource {
  return {
    kind,
    type: () => DealMovedTimelineEntry,
    entries: ({ workspaceId, counterpartyId }) => sql`select c.id, c.changed_at as occurred_at
      from sales_deal_stage_change c
      join sales_deal d on d.id = c.deal_id and d.workspace_id = ${workspaceId} and d.deleted_at is null
      join sales_stage s on s.id = c.to_stage_id
      where c.workspace_id = ${workspaceId} and d.counterparty_id = ${counterpartyId}
        and c.from_stage_id is not null and s.kind = ${to}::sales_stage_kind`,
    load: async (ctx, ids) =>
      (await ctx.loader(stageChangeById).loadMany(ids)).map((stageChange) =>
        stageChange && !(stageChange instanceof Error) ? { stageChange } : stageChange,
      ),
  };
}

function orderEvent(kind: string, timeColumn: 'placed_at' | 'cancelled_at'): TimelineSource {
  return {
    kind,
    type: () => OrderTimelineEntry,
    entries: ({ workspaceId, counterpartyId }) => sql`select id, ${sql.ref(timeColumn)} as occurred_at from sales_order
      where workspace_id = ${workspaceId} and counterparty_id = ${counterpartyId} and deleted_at is null
        and ${sql.ref(timeColumn)} is not null`,
    load: async (ctx, ids) =>
      (await ctx.loader(orderById).loadMany(ids)).map((order) =>
        order && !(order instanceof Error) ? { order } : order,
      ),
  };
}

export const salesTimelineSources: TimelineSource[] = [
  dealCreated,
  dealMoves('sales.dealMoved', StageKind.OPEN),
  dealMoves('sales.dealWon', StageKind.WON),
  dealMoves('sales.dealLost', StageKind.LOST),
  orderEvent('sales.orderPlaced', 'placed_at'),
  orderEvent('sales.orderCancelled', 'cancelled_at'),
];
