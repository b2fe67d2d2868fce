// The limit: one hand-written statement (json_agg + LATERAL) behind a bare node:http handler,
// answering the benchmark query with the same JSON shape Kontra returns.
import { createServer } from 'node:http';
import pg from 'pg';

const { DATABASE_URL, PORT, WORKSPACE_ID } = process.env;
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });

const PAGE = `
  select json_build_object('data', json_build_object('counterparties', json_build_object('edges',
    coalesce(json_agg(json_build_object('node', json_build_object('id', c.id, 'displayName', c.display_name,
      'interactions', json_build_object('edges', i.edges))) order by c.created_at desc, c.id desc), '[]'::json)))) as body
  from (select id, display_name, created_at from counterparty where workspace_id = $1 and deleted_at is null
        order by created_at desc, id desc limit 50) c
  cross join lateral (
    select coalesce(json_agg(json_build_object('node', json_build_object('id', x.id, 'type', x.type,
      'occurredAt', x.occurred_at, 'subject', x.subject)) order by x.occurred_at desc, x.id desc), '[]'::json) as edges
    from (select id, type, occurred_at, subject from interaction
          where workspace_id = $1 and counterparty_id = c.id and deleted_at is null
          order by occurred_at desc, id desc limit 5) x) i`;

createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    pool.query(PAGE, [WORKSPACE_ID]).then(
      (result) =>
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result.rows[0].body)),
      (error: Error) => response.writeHead(500).end(error.message),
    );
  });
}).listen(Number(PORT), '127.0.0.1', () => process.send?.('ready'));
