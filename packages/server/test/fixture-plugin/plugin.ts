import { z } from 'zod';
import { definePlugin, sql, UserRole, type DomainEvent } from '@kontra/core';
import { Migration20261123120000FixtureStamps } from './migration.js';
import { Stamp } from './stamp.entity.js';
import { StampCountFilter, StampResolver, StampTimelineEntry, stampReasonById } from './stamp.resolver.js';

/** What the fixture's after-commit handler saw, for the test to inspect. */
export const deliveredAfterCommit: DomainEvent[] = [];

/** A third-party-style plugin that uses only @kontra/core's public surface. */
export const stampPlugin = definePlugin({
  name: 'fixture',
  version: '1.0.0',
  entities: [Stamp],
  migrations: [{ name: 'Migration20261123120000FixtureStamps', class: Migration20261123120000FixtureStamps }],
  resolvers: [StampResolver],
  permissions: { 'fixture.stamp': [UserRole.ADMIN, UserRole.MANAGER, UserRole.AGENT] },
  configSchema: z.object({ maxStampsPerDay: z.number().int().positive().default(3) }),
  timelineSources: [
    {
      kind: 'fixture.stamp',
      type: () => StampTimelineEntry,
      entries: ({ workspaceId, counterpartyId }) => sql`select id, stamped_at as occurred_at from fixture_stamp
        where workspace_id = ${workspaceId} and counterparty_id = ${counterpartyId} and deleted_at is null`,
      load: (ctx, ids) => ctx.loader(stampReasonById).loadMany(ids),
    },
  ],
  counterpartyFilters: [
    {
      field: 'stamps',
      description: 'Counterparties with at least this many stamps',
      type: () => StampCountFilter,
      compile: (value, scope) => {
        const s = scope.alias('s');
        return sql`(select count(*) from fixture_stamp ${s} where ${s}.workspace_id = ${scope.workspaceId}
          and ${s}.counterparty_id = ${scope.counterparty}.id) >= ${(value as StampCountFilter).atLeast}`;
      },
    },
  ],
  onEvent: {
    'fixture.stamped': (event) => {
      deliveredAfterCommit.push(event);
    },
  },
});

declare module '@kontra/core' {
  interface KontraPluginConfigMap {
    fixture: { maxStampsPerDay: number };
  }
  interface KontraEventMap {
    'fixture.stamped': { reason: string };
  }
}
