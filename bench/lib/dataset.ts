import pg from 'pg';
import { corePlugin, createOrm, createWorkspaceWithAdmin, migrate, type EntityManager } from '@kontra/core';
import { progress } from './progress.ts';

export interface Dataset {
  workspaceId: string;
  apiKey: string;
  counterparties: number;
  interactions: number;
}

const CHUNK = 10_000;

/**
 * Migrates an empty database and fills one workspace with `counterparties` counterparties and
 * `perCounterparty` interactions each, in SQL (generate_series), chunk by chunk with progress.
 */
export async function generateDataset(
  databaseUrl: string,
  counterparties: number,
  perCounterparty: number,
): Promise<Dataset> {
  const orm = await createOrm({ databaseUrl, plugins: [corePlugin] });
  await migrate(orm);
  const { workspace, admin, key } = await createWorkspaceWithAdmin(orm.em.fork() as EntityManager, {
    name: 'Bench',
    slug: 'bench',
    adminEmail: 'bench@example.test',
    adminName: 'Bench',
  });
  await orm.close();

  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    for (let from = 1; from <= counterparties; from += CHUNK) {
      const to = Math.min(from + CHUNK - 1, counterparties);
      await pool.query(
        `insert into counterparty (id, workspace_id, kind, roles, display_name, emails, tags, owner_id, search_text,
           contact_consent, created_at, updated_at)
         select gen_random_uuid(), $1, case when g % 3 = 0 then 'PERSON' else 'ORGANISATION' end::counterparty_kind,
           array['CUSTOMER'], 'Company ' || g,
           jsonb_build_array(jsonb_build_object('value', 'c' || g || '@bench.example', 'label', null, 'primary', true)),
           case when g % 10 = 0 then array['vip'] else '{}'::text[] end, $2,
           'company ' || g || ' c' || g || '@bench.example', g % 2 = 0,
           now() - make_interval(mins => g), now()
         from generate_series($3::int, $4::int) g`,
        [workspace.id, admin.id, from, to],
      );
      progress('counterparties', to, counterparties);
    }
    const total = counterparties * perCounterparty;
    for (let offset = 0; offset < counterparties; offset += CHUNK) {
      await pool.query(
        `insert into interaction (id, workspace_id, counterparty_id, type, direction, occurred_at, subject, body, created_by_id)
         select gen_random_uuid(), $1, c.id, (array['CALL','EMAIL','MEETING','NOTE','MESSAGE'])[1 + (n + c.rn) % 5]::interaction_type,
           (array['INBOUND','OUTBOUND'])[1 + n % 2]::interaction_direction,
           now() - make_interval(hours => ((n * 37 + c.rn * 11) % 20000)::int), 'Subject ' || n, 'Body of interaction ' || n, $2
         from (select id, row_number() over (order by id) as rn from counterparty where workspace_id = $1
               order by id offset $3 limit $4) c
         cross join generate_series(1, $5::int) n`,
        [workspace.id, admin.id, offset, CHUNK, perCounterparty],
      );
      progress('interactions', Math.min(offset + CHUNK, counterparties) * perCounterparty, total);
    }
    // PostGraphile joins interactions on counterparty_id alone; Kontra's indexes all lead with
    // workspace_id, so the peer gets the foreign-key index it needs to be measured fairly.
    await pool.query(
      'create index bench_peer_interaction_counterparty on interaction (counterparty_id, occurred_at, id)',
    );
    await pool.query('vacuum analyze counterparty');
    await pool.query('vacuum analyze interaction');
  } finally {
    await pool.end();
  }
  return { workspaceId: workspace.id, apiKey: key, counterparties, interactions: counterparties * perCounterparty };
}
