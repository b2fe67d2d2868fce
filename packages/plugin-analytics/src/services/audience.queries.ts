import { queryRows, sql, workspaceIdOf, type RequestContext } from '@kontra/core';
import type { AudienceMemberType } from '../resolvers/analytics.types.js';

/** How much each kind of affinity weighs in the score. */
const WEIGHT = { category: 1, together: 2, predecessor: 3 };

/**
 * Question 4: who to tell about a product. Customers who did not buy it yet and consent to be
 * contacted, scored by affinity: bought in its category (1), bought products often bought together
 * with it (2 each, of its 20 most frequent companions), bought a product that customers bought
 * just before their first purchase of it (3 each, its predecessors in question 2's sense). One statement.
 */
export async function productAudience(
  ctx: RequestContext,
  productId: string,
  limit: number,
): Promise<AudienceMemberType[]> {
  const workspaceId = workspaceIdOf(ctx);
  return queryRows(
    ctx.em,
    sql<AudienceMemberType>`with counted as (
        select o.id, o.counterparty_id, o.placed_at from sales_order o
        where o.workspace_id = ${workspaceId} and o.deleted_at is null and o.status not in ('CANCELLED', 'REFUNDED')),
      lines as (select l.order_id, l.product_id from sales_order_line l where l.workspace_id = ${workspaceId}),
      together as (
        select l.product_id from lines l join lines n on n.order_id = l.order_id and n.product_id = ${productId}::uuid
        where l.product_id <> ${productId}::uuid group by l.product_id order by count(*) desc, l.product_id limit 20),
      first_purchase as (
        select o.counterparty_id, min(o.placed_at) as at from counted o
        join lines l on l.order_id = o.id and l.product_id = ${productId}::uuid group by o.counterparty_id),
      previous_order as (
        select distinct on (f.counterparty_id) o.id from first_purchase f
        join counted o on o.counterparty_id = f.counterparty_id and o.placed_at < f.at
        order by f.counterparty_id, o.placed_at desc, o.id desc),
      predecessors as (
        select distinct l.product_id from previous_order p join lines l on l.order_id = p.id
        where l.product_id <> ${productId}::uuid),
      related as (
        select product_id from together union select product_id from predecessors
        union select id from sales_product where workspace_id = ${workspaceId} and id <> ${productId}::uuid
          and category_id = (select category_id from sales_product where id = ${productId}::uuid)
        union select ${productId}::uuid),
      bought as (
        select distinct o.counterparty_id, l.product_id from counted o
        join lines l on l.order_id = o.id and l.product_id in (select product_id from related)),
      scored as (
        select b.counterparty_id,
          bool_or(p.category_id = (select category_id from sales_product where id = ${productId}::uuid)) as in_category,
          coalesce(array_agg(b.product_id order by b.product_id) filter (where b.product_id in (select product_id from together)), '{}') as together_ids,
          coalesce(array_agg(b.product_id order by b.product_id) filter (where b.product_id in (select product_id from predecessors)), '{}') as predecessor_ids
        from bought b join sales_product p on p.id = b.product_id
        where b.counterparty_id not in (select counterparty_id from first_purchase)
        group by b.counterparty_id)
      select s.counterparty_id as "counterpartyId", coalesce(s.in_category, false) as "boughtInCategory",
        s.together_ids as "boughtTogetherProductIds", s.predecessor_ids as "boughtPredecessorProductIds",
        (case when s.in_category then ${WEIGHT.category} else 0 end + ${WEIGHT.together} * cardinality(s.together_ids)
          + ${WEIGHT.predecessor} * cardinality(s.predecessor_ids))::int as score
      from scored s join counterparty c on c.id = s.counterparty_id and c.workspace_id = ${workspaceId}
        and c.deleted_at is null and c.contact_consent
      where s.in_category or cardinality(s.together_ids) > 0 or cardinality(s.predecessor_ids) > 0
      order by score desc, s.counterparty_id limit ${limit}`,
  );
}
