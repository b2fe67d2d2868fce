import { sql, queryRows } from '../../data/sql.js';
import { defineLoader } from '../../kernel/loaders.js';
import type { RequestContext } from '../../kernel/context.js';
import { keyset, positionOf, toConnection, type Connection, type PageWindow } from '../../graphql/connection.js';
import { graphqlTypeName } from '../../graphql/type-names.js';
import { SOURCE_ROW_ID, TIMELINE_TYPENAME, type TimelineEntry } from './timeline-entry.type.js';
import type { TimelineSource } from './timeline-source.js';

export interface TimelinePageKey {
  counterpartyId: string;
  kinds: readonly string[] | null;
  window: PageWindow;
  argsKey: string;
}

interface EntryRow {
  kind: string;
  id: string;
  occurredAt: Date;
  counterpartyId: string;
}

/** Loads the sources' own fields for a page of merged rows, one batch per source. */
async function hydrate(
  ctx: RequestContext,
  sources: readonly TimelineSource[],
  rows: EntryRow[],
): Promise<Map<EntryRow, TimelineEntry>> {
  const entries = new Map<EntryRow, TimelineEntry>();
  await Promise.all(
    sources.map(async (source) => {
      const ofSource = rows.filter((row) => row.kind === source.kind);
      if (ofSource.length === 0) return;
      const typename = graphqlTypeName(source.type(), 'object');
      const loaded = await source.load(
        ctx,
        ofSource.map((row) => row.id),
      );
      ofSource.forEach((row, index) => {
        const fields = loaded[index];
        if (fields instanceof Error) throw fields;
        if (!fields) return;
        // Two kinds may stem from one row (an order placed, later cancelled): the kind keeps ids unique.
        entries.set(row, {
          ...fields,
          id: `${row.kind}:${row.id}`,
          occurredAt: row.occurredAt,
          kind: row.kind,
          [TIMELINE_TYPENAME]: typename,
          [SOURCE_ROW_ID]: row.id,
        } as TimelineEntry);
      });
    }),
  );
  return entries;
}

/**
 * Timeline pages for many counterparties: every source's entries merged in one SQL statement per
 * distinct argument set (UNION ALL inside a LATERAL per counterparty), newest first.
 */
export const timelinePageByCounterparty = defineLoader<TimelinePageKey, Connection<TimelineEntry>>(
  async (ctx, keys) => {
    const workspaceId = ctx.principal?.workspaceId ?? '00000000-0000-0000-0000-000000000000';
    const pages = new Map<TimelinePageKey, Connection<TimelineEntry>>();
    for (const group of Map.groupBy(keys, (key) => key.argsKey).values()) {
      const { kinds, window } = group[0]!;
      const sources = ctx.runtime.timelineSources.filter((s) => !kinds || kinds.includes(s.kind));
      if (sources.length === 0) {
        for (const key of group)
          pages.set(
            key,
            toConnection([], window, () => ['', '']),
          );
        continue;
      }
      const merged = sql.join(
        sources.map(
          (source) =>
            sql`select ${source.kind}::text as kind, s.id, s.occurred_at
              from (${source.entries({ workspaceId, counterpartyId: sql`parent.id` })}) s`,
        ),
        sql` union all `,
      );
      const page = keyset({ column: sql`t.occurred_at`, id: sql`t.id`, cast: 'timestamptz', descending: true, window });
      const rows = await queryRows(
        ctx.em,
        sql<EntryRow>`select page.* from unnest(${group.map((k) => k.counterpartyId)}::uuid[]) as parent(id)
          cross join lateral (select t.kind, t.id, t.occurred_at as "occurredAt", parent.id as "counterpartyId"
            from (${merged}) t where ${page.condition} order by ${page.order} limit ${window.limit + 1}) page`,
      );
      const entries = await hydrate(ctx, sources, rows);
      const byParent = Map.groupBy(rows, (row) => row.counterpartyId);
      for (const key of group) {
        const own = (byParent.get(key.counterpartyId) ?? []).flatMap((row) => entries.get(row) ?? []);
        pages.set(
          key,
          toConnection(own, window, (entry) => positionOf(entry.occurredAt, entry[SOURCE_ROW_ID]!)),
        );
      }
    }
    return keys.map((key) => pages.get(key)!);
  },
  { cacheKey: (key) => `${key.counterpartyId}|${key.argsKey}` },
);
