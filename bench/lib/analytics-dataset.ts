import pg from 'pg';
import { progress } from './progress.ts';

const CHUNK = 10_000;

export interface AnalyticsScale {
  counterparties: number;
  interactionsEach: number;
  /** Order lines in all, about three per order. */
  orderLines: number;
}

/**
 * Fills a migrated workspace in SQL, chunk by chunk with progress: 100 products in 10 categories,
 * counterparties (half consenting), inbound and outbound interactions, and three years of orders
 * with seasonality (busier spring and December) and repeat buyers (a fifth of the customers place
 * most orders), each with 1–5 lines from a customer's favourite categories.
 */
export async function generateAnalyticsData(
  databaseUrl: string,
  workspaceId: string,
  ownerId: string,
  scale: AnalyticsScale,
): Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    await pool.query(
      `insert into sales_product_category (id, workspace_id, name)
       select gen_random_uuid(), $1, 'Category ' || g from generate_series(1, 10) g`,
      [workspaceId],
    );
    await pool.query(
      `insert into sales_product (id, workspace_id, sku, name, category_id, unit_price, currency)
       select gen_random_uuid(), $1, 'SKU-' || g, 'Product ' || g,
         (select id from sales_product_category where workspace_id = $1 order by name offset (g % 10) limit 1),
         (5 + (g * 37) % 200)::numeric(14,2), 'EUR'
       from generate_series(1, 100) g`,
      [workspaceId],
    );
    for (let from = 1; from <= scale.counterparties; from += CHUNK) {
      const to = Math.min(from + CHUNK - 1, scale.counterparties);
      await pool.query(
        `insert into counterparty (id, workspace_id, kind, roles, display_name, tags, owner_id, search_text, contact_consent, created_at, updated_at)
         select gen_random_uuid(), $1, 'ORGANISATION', array['CUSTOMER'], 'Customer ' || g,
           case when g % 10 = 0 then array['vip'] else '{}'::text[] end, $2, 'customer ' || g, g % 2 = 0,
           now() - make_interval(days => 1100), now()
         from generate_series($3::int, $4::int) g`,
        [workspaceId, ownerId, from, to],
      );
      progress('counterparties', to, scale.counterparties);
    }
    for (let offset = 0; offset < scale.counterparties; offset += CHUNK) {
      await pool.query(
        `insert into interaction (id, workspace_id, counterparty_id, type, direction, occurred_at, subject, created_by_id)
         select gen_random_uuid(), $1, c.id, (array['CALL','EMAIL','MEETING','NOTE','MESSAGE'])[1 + (n + c.rn) % 5]::interaction_type,
           (array['INBOUND','OUTBOUND'])[1 + (n * 7 + c.rn) % 2]::interaction_direction,
           now() - make_interval(hours => ((n * 7919 + c.rn * 104729) % 26000)::int), 'Contact ' || n, $2
         from (select id, row_number() over (order by id) as rn from counterparty where workspace_id = $1
               order by id offset $3 limit $4) c
         cross join generate_series(1, $5::int) n`,
        [workspaceId, ownerId, offset, CHUNK, scale.interactionsEach],
      );
      progress(
        'interactions',
        Math.min(offset + CHUNK, scale.counterparties) * scale.interactionsEach,
        scale.counterparties * scale.interactionsEach,
      );
    }
    // About 3 lines per order, and the seasonal thinning below keeps about 55 % of the draws; 2 %
    // more so that the lines reach the number asked for.
    const orders = Math.round((scale.orderLines / 3 / 0.55) * 1.02);
    for (let from = 1; from <= orders; from += CHUNK * 3) {
      const to = Math.min(from + CHUNK * 3 - 1, orders);
      // Repeat buyers: 70 % of orders go to the first fifth of the customers. Seasonality: days are
      // drawn and kept with the month's weight.
      await pool.query(
        `with customers as (select id, row_number() over (order by id) - 1 as rn, count(*) over () as n
                            from counterparty where workspace_id = $1),
         drawn as (
           select g, case when random() < 0.7 then floor(random() * (select max(n) from customers) / 5)
                          else floor(random() * (select max(n) from customers)) end as rn,
             now() - make_interval(days => floor(random() * 1095)::int, hours => floor(random() * 24)::int) as at
           from generate_series($2::int, $3::int) g),
         kept as (
           select * from drawn where random() < (array[0.7,0.7,0.9,1.0,1.0,0.8,0.7,0.7,1.0,1.1,1.4,1.8])[extract(month from at)::int] / 1.8)
         insert into sales_order (id, workspace_id, counterparty_id, placed_at, status, currency, subtotal, discount_total, total)
         select gen_random_uuid(), $1, c.id, kept.at, case when kept.g % 25 = 0 then 'CANCELLED' else 'PAID' end::sales_order_status,
           'EUR', 0, 0, 0
         from kept join customers c on c.rn = kept.rn`,
        [workspaceId, from, to],
      );
      progress('orders drawn', to, orders);
    }
    // Lines: 1–5 per order from the customer's two favourite categories, then totals.
    const { rows } = await pool.query<{ id: string }>(
      `select id from sales_order where workspace_id = $1 order by id`,
      [workspaceId],
    );
    for (let start = 0; start < rows.length; start += CHUNK * 3) {
      const ids = rows.slice(start, start + CHUNK * 3).map((r) => r.id);
      await pool.query(
        `insert into sales_order_line (id, workspace_id, order_id, product_id, position, quantity, unit_price, discount_percent, line_total)
         select gen_random_uuid(), $1, o.id, p.id, n, q.qty, p.unit_price, 0, p.unit_price * q.qty
         from sales_order o
         cross join lateral generate_series(1, 1 + (abs(hashtext(o.id::text)) % 5)) n
         cross join lateral (select (1 + (abs(hashtext(o.id::text || n)) % 3))::numeric as qty) q
         cross join lateral (
           select id, unit_price from sales_product
           where workspace_id = $1 and sku = 'SKU-' || (1 + ((abs(hashtext(o.counterparty_id::text)) % 10) * 10
             + (case when n % 2 = 0 then 5 else 0 end) + abs(hashtext(o.id::text || 'p' || n)) % 5) % 100)
         ) p
         where o.id = any($2::uuid[])
         on conflict do nothing`,
        [workspaceId, ids],
      );
      progress('order lines', Math.min(start + CHUNK * 3, rows.length), rows.length);
    }
    await pool.query(
      `update sales_order o set subtotal = t.total, total = t.total
       from (select order_id, sum(line_total) as total from sales_order_line where workspace_id = $1 group by order_id) t
       where o.id = t.order_id and o.workspace_id = $1`,
      [workspaceId],
    );
    await pool.query('analyze');
  } finally {
    await pool.end();
  }
}
