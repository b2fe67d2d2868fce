import { sql, workspaceIdOf, type RequestContext } from '@kontra/core';
import type { AudienceMemberType, ProductAudienceType } from '../resolvers/analytics.types.js';
import { summariesAsOf } from './summaries.js';
import { analyticRows } from './analytic-rows.js';

/** How much each kind of affinity weighs in the score. */
const WEIGHT = { category: 1, together: 2, predecessor: 3 };

/** How many companions and predecessors of the product count. */
const RELATED = 20;

/**
 * Question 4: who to tell about a product. Customers who did not buy it yet and consent to be
 * contacted, scored by affinity: bought in its category (1), bought products often bought together
 * with it (2 each, of its 20 most frequent companions in orders), bought a product after whose
 * first purchase customers most often bought it next (3 each, of its 20 most frequent predecessors
 * in question 2's sense). Who bought what comes from the first-purchase summaries.
 */
export async function productAudience(
  ctx: RequestContext,
  productId: string,
  limit: number,
): Promise<ProductAudienceType> {
  const workspaceId = workspaceIdOf(ctx);
  const asOf = await summariesAsOf(ctx);
  const customers = await analyticRows(
    ctx,
    // `offset 0` keeps the companions' look-up one index probe per order of the product, which
    // the planner would otherwise trade for a scan of every order line.
    sql<AudienceMemberType>`with together as (
          select l.product_id from sales_order_line x
          cross join lateral (
            select l.product_id from sales_order_line l
            where l.workspace_id = x.workspace_id and l.order_id = x.order_id and l.product_id <> x.product_id offset 0) l
          where x.workspace_id = ${workspaceId} and x.product_id = ${productId}::uuid
          group by l.product_id order by count(*) desc, l.product_id limit ${RELATED}),
        predecessors as (
          select item_id as product_id from analytics_next_purchase
          where workspace_id = ${workspaceId} and level = 'PRODUCT' and next_item_id = ${productId}::uuid
          group by item_id order by count(*) desc, item_id limit ${RELATED}),
        affinities as (
          select f.counterparty_id, 'category' as kind from analytics_first_purchase f
          where f.workspace_id = ${workspaceId} and f.level = 'CATEGORY'
            and f.item_id = (select category_id from sales_product where id = ${productId}::uuid)
          union all
          select f.counterparty_id, 'together' from together t join analytics_first_purchase f
            on f.workspace_id = ${workspaceId} and f.level = 'PRODUCT' and f.item_id = t.product_id
          union all
          select f.counterparty_id, 'predecessor' from predecessors p join analytics_first_purchase f
            on f.workspace_id = ${workspaceId} and f.level = 'PRODUCT' and f.item_id = p.product_id),
        -- Its buyers, and those who may not be contacted: looked up once, left out after scoring.
        excluded as materialized (
          select counterparty_id from analytics_first_purchase
          where workspace_id = ${workspaceId} and level = 'PRODUCT' and item_id = ${productId}::uuid
          union all
          select id from counterparty where workspace_id = ${workspaceId} and (deleted_at is not null or not contact_consent)),
        scored as (
          select counterparty_id, bool_or(kind = 'category') as in_category,
            (${WEIGHT.category} * count(*) filter (where kind = 'category') + ${WEIGHT.together} * count(*) filter (where kind = 'together')
              + ${WEIGHT.predecessor} * count(*) filter (where kind = 'predecessor'))::int as score
          from affinities group by counterparty_id
          having counterparty_id not in (select counterparty_id from excluded)
          order by score desc, counterparty_id limit ${limit})
        -- What each of the few chosen bought, to drill down.
        select s.counterparty_id as "counterpartyId", s.score, s.in_category as "boughtInCategory",
          array(select t.product_id from together t join analytics_first_purchase f on f.workspace_id = ${workspaceId}
            and f.level = 'PRODUCT' and f.item_id = t.product_id and f.counterparty_id = s.counterparty_id order by 1)
            as "boughtTogetherProductIds",
          array(select p.product_id from predecessors p join analytics_first_purchase f on f.workspace_id = ${workspaceId}
            and f.level = 'PRODUCT' and f.item_id = p.product_id and f.counterparty_id = s.counterparty_id order by 1)
            as "boughtPredecessorProductIds"
        from scored s order by s.score desc, s.counterparty_id`,
  );
  return { productId, asOf, customers };
}
