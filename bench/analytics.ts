// The analytics benchmark of issue #7: every analytics question on a generated data set (100,000
// customers, 1,000,000 interactions, at least 1,000,000 order lines over three years), through
// Kontra's API, against a straightforward hand-written SQL query answering the same question on
// the same data (the limit). Prints, per question, the median latency of each and the ratio, and
// the cost of building the precomputed customer summaries.
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { graphql } from 'graphql';
import pg from 'pg';
import {
  corePlugin,
  createOrm,
  createWorkspaceWithAdmin,
  KontraRuntime,
  migrate,
  resolvePlugins,
  authenticateApiKey,
  buildKontraSchema,
  createRequestContext,
  issueApiKey,
  User,
  type EntityManager,
  type MikroORM,
} from '@kontra/core';
import { salesPlugin } from '@kontra/plugin-sales';
import { supportPlugin } from '@kontra/plugin-support';
import { analyticsPlugin, refreshSummaries } from '@kontra/plugin-analytics';
import { generateAnalyticsData } from './lib/analytics-dataset.ts';
import { benchDatabase } from './lib/database.ts';

const COUNTERPARTIES = Number(process.env.BENCH_COUNTERPARTIES ?? 100_000);
const INTERACTIONS_EACH = Number(process.env.BENCH_INTERACTIONS_EACH ?? 10);
const ORDER_LINES = Number(process.env.BENCH_ORDER_LINES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PORT = 4721;
const PLUGINS = [corePlugin, salesPlugin, supportPlugin, analyticsPlugin];

interface Question {
  name: string;
  graphql: string;
  sql: string;
  params: unknown[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return Math.round(median(times));
}

function questions(
  workspaceId: string,
  productId: string,
  categoryId: string,
  year: { from: string; to: string },
  month: { from: string; to: string },
): Question[] {
  const ws = workspaceId;
  const counted = `o.workspace_id = $1 and o.deleted_at is null and o.status not in ('CANCELLED','REFUNDED')`;
  return [
    {
      name: 'Q1 typical monthly basket (all customers, a year)',
      graphql: `{ typicalMonthlyBasket(period: { from: "${year.from}", to: "${year.to}" }, first: 20) { customerMonths items { sku share } } }`,
      sql: `select l.product_id, count(distinct (o.counterparty_id, date_trunc('month', o.placed_at))) as customer_months
            from sales_order o join sales_order_line l on l.order_id = o.id
            where ${counted} and o.placed_at >= $2 and o.placed_at < $3 group by l.product_id order by 2 desc limit 20`,
      params: [ws, year.from, year.to],
    },
    {
      name: 'Q2 purchase sequence (one product)',
      graphql: `{ purchaseSequence(itemId: "${productId}", first: 20) { customersOfA next { itemId customers medianDays } } }`,
      sql: `with a as (select o.counterparty_id, min(o.placed_at) as at from sales_order o join sales_order_line l on l.order_id = o.id
                       where ${counted} and l.product_id = $2 group by 1),
              nxt as (select distinct on (a.counterparty_id) a.counterparty_id, o.id, o.placed_at - a.at as gap
                      from a join sales_order o on o.counterparty_id = a.counterparty_id and o.placed_at > a.at and ${counted}
                      order by a.counterparty_id, o.placed_at)
            select l.product_id, count(distinct nxt.counterparty_id), percentile_cont(0.5) within group (order by extract(epoch from gap))
            from nxt join sales_order_line l on l.order_id = nxt.id where l.product_id <> $2 group by 1 order by 2 desc limit 20`,
      params: [ws, productId],
    },
    {
      name: 'Q2 purchase sequence (one category)',
      graphql: `{ purchaseSequence(itemId: "${categoryId}", level: CATEGORY, first: 20) { customersOfA next { itemId customers } } }`,
      sql: `with lines as (select l.order_id, p.category_id as item from sales_order_line l join sales_product p on p.id = l.product_id where l.workspace_id = $1),
              a as (select o.counterparty_id, min(o.placed_at) as at from sales_order o join lines l on l.order_id = o.id
                    where ${counted} and l.item = $2 group by 1),
              nxt as (select distinct on (a.counterparty_id) a.counterparty_id, o.id from a
                      join sales_order o on o.counterparty_id = a.counterparty_id and o.placed_at > a.at and ${counted}
                      order by a.counterparty_id, o.placed_at)
            select l.item, count(distinct nxt.counterparty_id) from nxt join lines l on l.order_id = nxt.id where l.item <> $2 group by 1 order by 2 desc`,
      params: [ws, categoryId],
    },
    {
      name: 'Q3 contacted but did not buy (a month)',
      graphql: `{ contactedWithoutPurchase(period: { from: "${month.from}", to: "${month.to}" }, first: 100) { counterpartyId contacts } }`,
      sql: `select i.counterparty_id, count(*) from interaction i
            where i.workspace_id = $1 and i.direction = 'INBOUND' and i.type in ('CALL','EMAIL','MESSAGE') and i.occurred_at >= $2 and i.occurred_at < $3
              and not exists (select 1 from sales_order o where o.counterparty_id = i.counterparty_id and ${counted} and o.placed_at >= $2 and o.placed_at < $3)
            group by 1 order by max(i.occurred_at) desc limit 100`,
      params: [ws, month.from, month.to],
    },
    {
      name: 'Q4 audience for a product',
      graphql: `{ productAudience(productId: "${productId}", first: 100) { asOf customers { counterpartyId score } } }`,
      sql: `with buyers as (select distinct o.counterparty_id from sales_order o join sales_order_line l on l.order_id = o.id where ${counted} and l.product_id = $2),
              companions as (select l2.product_id from sales_order_line l join sales_order_line l2 on l2.order_id = l.order_id and l2.product_id <> $2
                             where l.workspace_id = $1 and l.product_id = $2 group by 1 order by count(*) desc limit 20)
            select o.counterparty_id, count(distinct l.product_id) from sales_order o join sales_order_line l on l.order_id = o.id
            join counterparty c on c.id = o.counterparty_id and c.contact_consent
            where ${counted} and l.product_id in (select product_id from companions) and o.counterparty_id not in (select counterparty_id from buyers)
            group by 1 order by 2 desc limit 100`,
      params: [ws, productId],
    },
    {
      name: 'RFM segments (precomputed; SQL from scratch)',
      graphql: `{ rfm { asOf customers segments { segment customers } } }`,
      sql: `with s as (select counterparty_id, max(placed_at) as last, count(*) as n, sum(total) as revenue from sales_order o where ${counted} group by 1),
              q as (select ntile(5) over (order by last) r, ntile(5) over (order by n) f, ntile(5) over (order by revenue) m from s)
            select r, f, count(*) from q group by 1, 2`,
      params: [ws],
    },
    {
      name: 'Average order value (a year)',
      graphql: `{ averageOrderValue(period: { from: "${year.from}", to: "${year.to}" }) { asOf months { month averageOrderValue } } }`,
      sql: `select date_trunc('month', placed_at), avg(total) from sales_order o where ${counted} and o.placed_at >= $2 and o.placed_at < $3 group by 1 order by 1`,
      params: [ws, year.from, year.to],
    },
    {
      name: 'Customer lifetime value (precomputed; SQL from scratch)',
      graphql: `{ customerLifetimeValue { customers averageRevenue predictedValue } }`,
      sql: `select avg(revenue), sum(revenue) / sum(n) from (select counterparty_id, sum(total) as revenue, count(*) as n from sales_order o where ${counted} group by 1) s`,
      params: [ws],
    },
    {
      name: 'Cohort retention (a year, 6 months)',
      graphql: `{ cohortRetention(period: { from: "${year.from}", to: "${year.to}" }, months: 6) { asOf cohorts { cohort customers } } }`,
      sql: `with m as (select counterparty_id, date_trunc('month', placed_at) as month from sales_order o where ${counted}),
              f as (select counterparty_id, min(month) as cohort from m group by 1)
            select f.cohort, (extract(year from age(m.month, f.cohort)) * 12 + extract(month from age(m.month, f.cohort))) as k, count(distinct m.counterparty_id)
            from f join m using (counterparty_id) where f.cohort >= $2 and f.cohort < $3 group by 1, 2`,
      params: [ws, year.from, year.to],
    },
  ];
}

/**
 * The refresh as it runs in production: a hundred customers each place an order through the API's
 * schema and write path (events and all), then one refresh recomputes only those customers.
 */
async function incrementalRefresh(orm: MikroORM, workspaceId: string, key: string, runtime: KontraRuntime) {
  const connection = orm.em.getConnection();
  const customers = (await connection.execute(
    'select id from counterparty where workspace_id = ? order by random() limit 100',
    [workspaceId],
  )) as { id: string }[];
  const products = (await connection.execute(
    'select id from sales_product where workspace_id = ? order by sku limit 3',
    [workspaceId],
  )) as { id: string }[];
  const schema = await buildKontraSchema(PLUGINS);
  const principal = (await authenticateApiKey(orm.em.fork() as EntityManager, key))!;
  for (const customer of customers) {
    const result = await graphql({
      schema,
      source: 'mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }',
      variableValues: {
        input: {
          counterpartyId: customer.id,
          lines: products.map((product) => ({ productId: product.id, quantity: '1' })),
        },
      },
      contextValue: createRequestContext(runtime, principal),
    });
    if (result.errors) throw new Error(`placeOrder: ${JSON.stringify(result.errors)}`);
  }
  const started = performance.now();
  await refreshSummaries(runtime);
  return { orders: customers.length, ms: Math.round(performance.now() - started) };
}

async function main() {
  // BENCH_KEEP_DATA=1 with DATABASE_URL reruns on the data set a previous run left there.
  const keep = process.env.BENCH_KEEP_DATA === '1';
  const database = await benchDatabase('kontra_analytics', { keep });
  const databaseUrl = database.url;
  let server: ChildProcess | undefined;
  try {
    const orm = await createOrm({ databaseUrl: databaseUrl.toString(), plugins: PLUGINS });
    await migrate(orm);
    const em = orm.em.fork() as EntityManager;
    const existing = keep
      ? await em.findOne(User, { email: 'bench@analytics.test' }, { populate: ['workspace'] })
      : null;
    let workspaceId: string;
    let key: string;
    if (existing) {
      workspaceId = existing.workspace.id;
      key = (await issueApiKey(em, existing, 'bench')).key;
      console.error('reusing the data set already in the database');
    } else {
      const created = await createWorkspaceWithAdmin(em, {
        name: 'Analytics bench',
        slug: 'analytics-bench',
        adminEmail: 'bench@analytics.test',
        adminName: 'Bench',
      });
      workspaceId = created.workspace.id;
      key = created.key;
      console.error(
        `generating ${COUNTERPARTIES.toLocaleString('en')} customers, ${(COUNTERPARTIES * INTERACTIONS_EACH).toLocaleString('en')} interactions, about ${ORDER_LINES.toLocaleString('en')} order lines`,
      );
      const generatedAt = performance.now();
      await generateAnalyticsData(databaseUrl.toString(), workspaceId, created.admin.id, {
        counterparties: COUNTERPARTIES,
        interactionsEach: INTERACTIONS_EACH,
        orderLines: ORDER_LINES,
      });
      console.error(`generated in ${Math.round((performance.now() - generatedAt) / 1000)} s`);
    }
    const connection = orm.em.getConnection();
    const [sizes] = (await connection.execute<{ orders: string; lines: string; interactions: string }[]>(
      `select (select count(*) from sales_order) as orders, (select count(*) from sales_order_line) as lines, (select count(*) from interaction) as interactions`,
    )) as [{ orders: string; lines: string; interactions: string }];

    const runtime = new KontraRuntime(orm, resolvePlugins(PLUGINS), { error: console.error, warn: console.error });
    console.error('building the summaries from scratch');
    await connection.execute('delete from analytics_refresh');
    const buildStarted = performance.now();
    await refreshSummaries(runtime);
    const buildMs = Math.round(performance.now() - buildStarted);
    await connection.execute('vacuum analyze');
    const refresh = await incrementalRefresh(orm, workspaceId, key, runtime);

    const [product] = (await orm.em
      .getConnection()
      .execute(`select product_id as id from sales_order_line group by 1 order by count(*) desc limit 1`)) as {
      id: string;
    }[];
    const [category] = (await orm.em
      .getConnection()
      .execute(`select category_id as id from sales_product where id = ?`, [product!.id])) as { id: string }[];
    const now = new Date();
    const year = { from: `${now.getUTCFullYear() - 1}-01-01`, to: `${now.getUTCFullYear()}-01-01` };
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
    const month = {
      from: lastMonth,
      to: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString().slice(0, 10),
    };

    const require = createRequire(import.meta.url);
    const cli = join(dirname(require.resolve('@kontra/server')), 'cli.js');
    server = fork(cli, ['start'], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl.toString(),
        PORT: String(PORT),
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    for (let ready = false; !ready;) {
      ready = await fetch(`http://127.0.0.1:${PORT}/graphql`).then(
        () => true,
        () => false,
      );
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const pool = new pg.Pool({ connectionString: databaseUrl.toString(), max: 1 });
    const results: { name: string; kontra: number; sql: number }[] = [];
    for (const question of questions(workspaceId, product!.id, category!.id, year, month)) {
      const viaApi = async () => {
        const response = await fetch(`http://127.0.0.1:${PORT}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ query: question.graphql }),
        });
        const body = (await response.json()) as { errors?: unknown[] };
        if (body.errors) throw new Error(`${question.name}: ${JSON.stringify(body.errors)}`);
      };
      const kontra = await timed(viaApi);
      const handWritten = await timed(() => pool.query(question.sql, question.params));
      results.push({ name: question.name, kontra, sql: handWritten });
      console.error(`${question.name}: Kontra ${kontra} ms, SQL ${handWritten} ms`);
    }
    await pool.end();
    await orm.close();

    console.log(
      `\nAnalytics: ${COUNTERPARTIES.toLocaleString('en')} customers, ${sizes.interactions} interactions, ${sizes.orders} orders, ${sizes.lines} order lines; median of ${RUNS} runs each\n`,
    );
    console.log('question                                                   Kontra ms   SQL ms   ratio');
    for (const r of results) {
      console.log(
        `${r.name.padEnd(56)} ${String(r.kontra).padStart(9)} ${String(r.sql).padStart(8)} ${(r.kontra / r.sql).toFixed(2).padStart(7)}×`,
      );
    }
    console.log(
      `\nSummaries (customers, customer-months, baskets, first and next purchases) built from scratch in ${buildMs} ms; ` +
        `a refresh after ${refresh.orders} new orders of ${refresh.orders} customers (recomputing only them): ${refresh.ms} ms.`,
    );
    console.log('Targets: each under 300 ms median and within 1.5× of the hand-written SQL.');
  } finally {
    server?.kill();
    database.stop();
  }
}

await main();
