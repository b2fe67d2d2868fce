import { registerEnumType } from 'type-graphql';
import { sql, queryRows, type SqlFragment } from '../../data/sql.js';
import { defineLoader, oneByKey } from '../../kernel/loaders.js';
import type { RequestContext } from '../../kernel/context.js';
import type { Principal } from '../../auth/principal.js';
import {
  keyset,
  positionOf,
  SortDirection,
  toConnection,
  type Connection,
  type PageWindow,
} from '../../graphql/connection.js';
import { CounterpartyFilterCompiler } from './counterparty-filter.compiler.js';
import type { CounterpartyFilter } from './counterparty-filter.input.js';
import type { CounterpartyType } from './counterparty.type.js';

export enum CounterpartySortField {
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  DISPLAY_NAME = 'DISPLAY_NAME',
}
registerEnumType(CounterpartySortField, { name: 'CounterpartySortField' });

const SORT_COLUMNS: Record<CounterpartySortField, { column: string; cast: string; key: keyof CounterpartyType }> = {
  CREATED_AT: { column: 'created_at', cast: 'timestamptz', key: 'createdAt' },
  UPDATED_AT: { column: 'updated_at', cast: 'timestamptz', key: 'updatedAt' },
  DISPLAY_NAME: { column: 'display_name', cast: 'text', key: 'displayName' },
};

/** The select list that shapes a counterparty row as the GraphQL type expects it. */
export function counterpartyColumns(c: SqlFragment): SqlFragment {
  return sql`${c}.id, ${c}.workspace_id as "workspaceId", ${c}.kind, ${c}.roles, ${c}.display_name as "displayName",
    ${c}.legal_name as "legalName", ${c}.first_name as "firstName", ${c}.last_name as "lastName", ${c}.emails,
    ${c}.phones, ${c}.addresses, ${c}.tags, ${c}.owner_id as "ownerId", to_char(${c}.birthday, 'YYYY-MM-DD') as birthday,
    ${c}.contact_consent as "contactConsent", ${c}.custom_attributes as "customAttributes", ${c}.version,
    ${c}.created_at as "createdAt", ${c}.updated_at as "updatedAt", ${c}.deleted_at as "deletedAt"`;
}

export interface CounterpartyListQuery {
  filter: CounterpartyFilter | null;
  sort: CounterpartySortField;
  direction: SortDirection;
  window: PageWindow;
  /** true: only soft-deleted rows (the trash); false: only live rows. */
  deleted: boolean;
}

export async function listCounterparties(
  ctx: RequestContext,
  principal: Principal,
  query: CounterpartyListQuery,
): Promise<Connection<CounterpartyType>> {
  const c = sql.ref('c');
  const sort = SORT_COLUMNS[query.sort];
  const page = keyset({
    column: sql.ref(`c.${sort.column}`),
    id: sql`${c}.id`,
    cast: sort.cast,
    descending: query.direction === SortDirection.DESC,
    window: query.window,
  });
  const conditions: SqlFragment[] = [
    sql`${c}.workspace_id = ${principal.workspaceId}`,
    query.deleted ? sql`${c}.deleted_at is not null` : sql`${c}.deleted_at is null`,
    page.condition,
  ];
  if (query.filter) {
    const compiler = new CounterpartyFilterCompiler(principal.workspaceId, ctx.runtime.counterpartyFilters);
    conditions.push(compiler.compile(query.filter as CounterpartyFilter & Record<string, unknown>, c));
  }
  const rows = await queryRows(
    ctx.em,
    sql<CounterpartyType>`select ${counterpartyColumns(c)} from counterparty ${c}
      where ${sql.join(conditions, sql` and `)}
      order by ${page.order} limit ${query.window.limit + 1}`,
  );
  return toConnection(rows, query.window, (row) => positionOf(row[sort.key], row.id));
}

/** Live counterparties of the caller's workspace by id; another workspace's id reads as absent. */
export const counterpartyById = defineLoader<string, CounterpartyType | null>(async (ctx, ids) => {
  const workspaceId = ctx.principal?.workspaceId;
  if (!workspaceId) return ids.map(() => null);
  const c = sql.ref('c');
  const rows = await queryRows(
    ctx.em,
    sql<CounterpartyType>`select ${counterpartyColumns(c)} from counterparty ${c}
      where ${c}.workspace_id = ${workspaceId} and ${c}.id = any(${ids}::uuid[])`,
  );
  return oneByKey(ids, rows, (row) => row.id);
});
