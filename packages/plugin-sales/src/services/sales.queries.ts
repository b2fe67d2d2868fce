import {
  defineChildPageLoader,
  defineLoader,
  likePattern,
  workspaceIdOf,
  manyByKey,
  oneByKey,
  keyset,
  positionOf,
  queryRows,
  sql,
  toConnection,
  type ChildPageKey,
  type Connection,
  type PageWindow,
  type RequestContext,
  type SqlFragment,
} from '@kontra/core';
import type {
  DealLineType,
  DealStageChangeType,
  DealType,
  ForecastMonthType,
  PipelineType,
  ProductCategoryType,
  ProductPriceType,
  ProductType,
  StageType,
} from '../resolvers/sales.types.js';

export function productColumns(p: SqlFragment): SqlFragment {
  return sql`${p}.id, ${p}.sku, ${p}.name, ${p}.kind, ${p}.category_id as "categoryId", ${p}.unit_price as "unitPrice",
    ${p}.currency, ${p}.active, to_char(${p}.launch_date, 'YYYY-MM-DD') as "launchDate", ${p}.tags, ${p}.version,
    ${p}.created_at as "createdAt", ${p}.updated_at as "updatedAt"`;
}

export function dealColumns(d: SqlFragment, s: SqlFragment): SqlFragment {
  return sql`${d}.id, ${d}.counterparty_id as "counterpartyId", ${d}.pipeline_id as "pipelineId", ${d}.stage_id as "stageId",
    ${d}.owner_id as "ownerId", ${d}.title, ${d}.amount, ${d}.currency,
    to_char(${d}.expected_close_date, 'YYYY-MM-DD') as "expectedCloseDate", ${d}.source, ${d}.lost_reason as "lostReason",
    ${s}.kind as status, ${d}.closed_at as "closedAt", ${d}.version, ${d}.created_at as "createdAt", ${d}.updated_at as "updatedAt"`;
}

export interface ProductListQuery {
  active: boolean | null;
  categoryId: string | null;
  search: string | null;
  window: PageWindow;
}

export async function listProducts(ctx: RequestContext, query: ProductListQuery): Promise<Connection<ProductType>> {
  const p = sql.ref('p');
  const page = keyset({
    column: sql`${p}.name`,
    id: sql`${p}.id`,
    cast: 'text',
    descending: false,
    window: query.window,
  });
  const conditions = [sql`${p}.workspace_id = ${workspaceIdOf(ctx)}`, sql`${p}.deleted_at is null`, page.condition];
  if (query.active != null) conditions.push(sql`${p}.active = ${query.active}`);
  if (query.categoryId) conditions.push(sql`${p}.category_id = ${query.categoryId}::uuid`);
  if (query.search) {
    const pattern = likePattern(query.search);
    conditions.push(sql`(lower(${p}.name) like ${pattern} or lower(${p}.sku) like ${pattern})`);
  }
  const rows = await queryRows(
    ctx.em,
    sql<ProductType>`select ${productColumns(p)} from sales_product ${p}
      where ${sql.join(conditions, sql` and `)} order by ${page.order} limit ${query.window.limit + 1}`,
  );
  return toConnection(rows, query.window, (row) => positionOf(row.name, row.id));
}

export const productById = defineLoader<string, ProductType | null>(async (ctx, ids) => {
  const p = sql.ref('p');
  const rows = await queryRows(
    ctx.em,
    sql<ProductType>`select ${productColumns(p)} from sales_product ${p}
      where ${p}.workspace_id = ${workspaceIdOf(ctx)} and ${p}.id = any(${ids}::uuid[])`,
  );
  return oneByKey(ids, rows, (row) => row.id);
});

export const priceHistoryByProduct = defineLoader<string, ProductPriceType[]>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<ProductPriceType & { productId: string }>`select product_id as "productId", unit_price as "unitPrice", currency,
        valid_from as "validFrom", valid_to as "validTo"
      from sales_product_price where workspace_id = ${workspaceIdOf(ctx)} and product_id = any(${ids}::uuid[])
      order by valid_from desc`,
  );
  return manyByKey(ids, rows, (row) => row.productId);
});

export async function listCategories(ctx: RequestContext): Promise<ProductCategoryType[]> {
  return queryRows(
    ctx.em,
    sql<ProductCategoryType>`select id, name, parent_id as "parentId", version from sales_product_category
      where workspace_id = ${workspaceIdOf(ctx)} and deleted_at is null order by name, id`,
  );
}

export async function listPipelines(ctx: RequestContext): Promise<PipelineType[]> {
  return queryRows(
    ctx.em,
    sql<PipelineType>`select id, name, version from sales_pipeline
      where workspace_id = ${workspaceIdOf(ctx)} and deleted_at is null order by created_at, id`,
  );
}

export const pipelineById = defineLoader<string, PipelineType | null>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<PipelineType>`select id, name, version from sales_pipeline
      where workspace_id = ${workspaceIdOf(ctx)} and id = any(${ids}::uuid[]) and deleted_at is null`,
  );
  return oneByKey(ids, rows, (row) => row.id);
});

const STAGE_COLUMNS = sql`id, pipeline_id as "pipelineId", name, position, probability, kind, version`;

export const stageById = defineLoader<string, StageType | null>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<StageType>`select ${STAGE_COLUMNS} from sales_stage where workspace_id = ${workspaceIdOf(ctx)} and id = any(${ids}::uuid[])`,
  );
  return oneByKey(ids, rows, (row) => row.id);
});

export const stagesByPipeline = defineLoader<string, StageType[]>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<StageType>`select ${STAGE_COLUMNS} from sales_stage
      where workspace_id = ${workspaceIdOf(ctx)} and pipeline_id = any(${ids}::uuid[]) and deleted_at is null
      order by position, id`,
  );
  // A board asks each deal for its stage next: those are the stages just read.
  const byStageId = ctx.loader(stageById);
  for (const row of rows) byStageId.prime(row.id, row);
  return manyByKey(ids, rows, (row) => row.pipelineId);
});

export interface DealFilterValues {
  pipelineId?: string | null;
  stageId?: string | null;
  ownerId?: string | null;
  counterpartyId?: string | null;
  status?: string | null;
  expectedCloseFrom?: string | null;
  expectedCloseTo?: string | null;
}

function dealConditions(
  d: SqlFragment,
  s: SqlFragment,
  workspaceId: string | null,
  filter: DealFilterValues,
): SqlFragment[] {
  const conditions = [sql`${d}.workspace_id = ${workspaceId}`, sql`${d}.deleted_at is null`];
  if (filter.pipelineId) conditions.push(sql`${d}.pipeline_id = ${filter.pipelineId}::uuid`);
  if (filter.stageId) conditions.push(sql`${d}.stage_id = ${filter.stageId}::uuid`);
  if (filter.ownerId) conditions.push(sql`${d}.owner_id = ${filter.ownerId}::uuid`);
  if (filter.counterpartyId) conditions.push(sql`${d}.counterparty_id = ${filter.counterpartyId}::uuid`);
  if (filter.status) conditions.push(sql`${s}.kind = ${filter.status}::sales_stage_kind`);
  if (filter.expectedCloseFrom) conditions.push(sql`${d}.expected_close_date >= ${filter.expectedCloseFrom}::date`);
  if (filter.expectedCloseTo) conditions.push(sql`${d}.expected_close_date <= ${filter.expectedCloseTo}::date`);
  return conditions;
}

/** Deals newest first, filtered; one statement. */
export async function listDeals(
  ctx: RequestContext,
  filter: DealFilterValues,
  window: PageWindow,
): Promise<Connection<DealType>> {
  const d = sql.ref('d');
  const s = sql.ref('s');
  const page = keyset({
    column: sql`${d}.created_at`,
    id: sql`${d}.id`,
    cast: 'timestamptz',
    descending: true,
    window,
  });
  const rows = await queryRows(
    ctx.em,
    sql<DealType>`select ${dealColumns(d, s)} from sales_deal ${d} join sales_stage ${s} on ${s}.id = ${d}.stage_id
      where ${sql.join([...dealConditions(d, s, workspaceIdOf(ctx), filter), page.condition], sql` and `)}
      order by ${page.order} limit ${window.limit + 1}`,
  );
  return toConnection(rows, window, (row) => positionOf(row.createdAt, row.id));
}

export interface DealPageKey extends ChildPageKey {
  /** Whose deals: a stage's (a board column) or a counterparty's. */
  parent: 'stage' | 'counterparty';
}

/** Pages of deals for many stages or counterparties, one LATERAL statement per argument set. */
export const dealPageByParent = defineChildPageLoader<DealPageKey, DealType & { parentId: string }>({
  select: (ctx, parent, key) => {
    const d = sql.ref('d');
    const s = sql.ref('s');
    const page = keyset({
      column: sql`${d}.created_at`,
      id: sql`${d}.id`,
      cast: 'timestamptz',
      descending: true,
      window: key.window,
    });
    const parentColumn = key.parent === 'stage' ? sql`${d}.stage_id` : sql`${d}.counterparty_id`;
    const conditions = [
      ...dealConditions(d, s, workspaceIdOf(ctx), {}),
      sql`${parentColumn} = ${parent}`,
      page.condition,
    ];
    return sql`select ${dealColumns(d, s)}, ${parent} as "parentId"
      from sales_deal ${d} join sales_stage ${s} on ${s}.id = ${d}.stage_id
      where ${sql.join(conditions, sql` and `)} order by ${page.order} limit ${key.window.limit + 1}`;
  },
  parentOf: (row) => row.parentId,
  positionOf: (row) => positionOf(row.createdAt, row.id),
});

export const dealById = defineLoader<string, DealType | null>(async (ctx, ids) => {
  const d = sql.ref('d');
  const s = sql.ref('s');
  const rows = await queryRows(
    ctx.em,
    sql<DealType>`select ${dealColumns(d, s)} from sales_deal ${d} join sales_stage ${s} on ${s}.id = ${d}.stage_id
      where ${d}.workspace_id = ${workspaceIdOf(ctx)} and ${d}.id = any(${ids}::uuid[]) and ${d}.deleted_at is null`,
  );
  return oneByKey(ids, rows, (row) => row.id);
});

const STAGE_CHANGE_COLUMNS = sql`id, deal_id as "dealId", from_stage_id as "fromStageId", to_stage_id as "toStageId",
  actor_id as "actorId", changed_at as "changedAt"`;

export const stageChangeById = defineLoader<string, DealStageChangeType | null>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<DealStageChangeType>`select ${STAGE_CHANGE_COLUMNS} from sales_deal_stage_change
      where workspace_id = ${workspaceIdOf(ctx)} and id = any(${ids}::uuid[])`,
  );
  return oneByKey(ids, rows, (row) => row.id);
});

export const stageChangesByDeal = defineLoader<string, DealStageChangeType[]>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<DealStageChangeType>`select ${STAGE_CHANGE_COLUMNS}
      from sales_deal_stage_change where workspace_id = ${workspaceIdOf(ctx)} and deal_id = any(${ids}::uuid[])
      order by changed_at, id`,
  );
  return manyByKey(ids, rows, (row) => row.dealId);
});

/** Open deals of a pipeline by expected close month: amount and amount × probability, in SQL. */
export async function pipelineForecast(
  ctx: RequestContext,
  pipelineId: string,
  from: string,
  to: string,
): Promise<ForecastMonthType[]> {
  return queryRows(
    ctx.em,
    sql<ForecastMonthType>`select to_char(date_trunc('month', d.expected_close_date), 'YYYY-MM') as month, d.currency,
        count(*)::int as "dealCount", sum(d.amount)::numeric(16,2)::text as amount,
        sum(d.amount * s.probability / 100.0)::numeric(16,2)::text as "weightedAmount"
      from sales_deal d join sales_stage s on s.id = d.stage_id
      where d.workspace_id = ${workspaceIdOf(ctx)} and d.pipeline_id = ${pipelineId}::uuid and d.deleted_at is null
        and s.kind = 'OPEN' and d.expected_close_date between ${from}::date and ${to}::date
      group by 1, 2 order by 1, 2`,
  );
}

export const linesByDeal = defineLoader<string, DealLineType[]>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<DealLineType>`select id, deal_id as "dealId", product_id as "productId", position, quantity,
        unit_price as "unitPrice", discount_percent as "discountPercent", line_total as "lineTotal"
      from sales_deal_line where workspace_id = ${workspaceIdOf(ctx)} and deal_id = any(${ids}::uuid[])
      order by position`,
  );
  return manyByKey(ids, rows, (row) => row.dealId);
});
