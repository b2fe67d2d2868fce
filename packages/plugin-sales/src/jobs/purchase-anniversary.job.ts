import { occasionsJob, sql, type Occasion } from '@kontra/core';

/** The anniversary of a customer's first purchase (orders not cancelled or refunded), from the first year on. */
export const purchaseAnniversaries: Occasion = {
  kind: 'sales.purchaseAnniversary',
  eventType: 'sales.purchaseAnniversary',
  candidates: (on, monthDay) => sql`select workspace_id, counterparty_id,
      jsonb_build_object('firstOrderId', id, 'firstPurchaseOn', (placed_at at time zone 'UTC')::date,
        'years', extract(year from age(${on}::date, (placed_at at time zone 'UTC')::date))::int) as payload
    from (select distinct on (workspace_id, counterparty_id) workspace_id, counterparty_id, id, placed_at
          from sales_order where deleted_at is null and status not in ('CANCELLED', 'REFUNDED')
          order by workspace_id, counterparty_id, placed_at, id) first_orders
    where to_char(placed_at at time zone 'UTC', 'MM-DD') = ${monthDay}
      and (placed_at at time zone 'UTC')::date <= ${on}::date - interval '1 year'`,
};

export const purchaseAnniversaryJob = occasionsJob('sales.purchaseAnniversaries', purchaseAnniversaries);
