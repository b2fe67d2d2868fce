import { sql, type SqlFragment } from '../data/sql.js';
import type { DateFilter, DateTimeFilter, IdFilter, StringListFilter } from './common-filters.input.js';

/** Joins conditions with AND; no condition means true. */
export function allOf(conditions: readonly SqlFragment[]): SqlFragment {
  return conditions.length === 0 ? sql`true` : sql`(${sql.join(conditions, sql` and `)})`;
}

export function anyOf(conditions: readonly SqlFragment[]): SqlFragment {
  return conditions.length === 0 ? sql`false` : sql`(${sql.join(conditions, sql` or `)})`;
}

export function idCondition(column: SqlFragment, filter: IdFilter): SqlFragment[] {
  const conditions: SqlFragment[] = [];
  if (filter.eq != null) conditions.push(sql`${column} = ${filter.eq}::uuid`);
  if (filter.in != null) conditions.push(sql`${column} = any(${filter.in}::uuid[])`);
  if (filter.isNull != null) conditions.push(filter.isNull ? sql`${column} is null` : sql`${column} is not null`);
  return conditions;
}

export function timeRangeCondition(column: SqlFragment, filter: DateTimeFilter): SqlFragment[] {
  const conditions: SqlFragment[] = [];
  if (filter.gt != null) conditions.push(sql`${column} > ${filter.gt}`);
  if (filter.gte != null) conditions.push(sql`${column} >= ${filter.gte}`);
  if (filter.lt != null) conditions.push(sql`${column} < ${filter.lt}`);
  if (filter.lte != null) conditions.push(sql`${column} <= ${filter.lte}`);
  return conditions;
}

export function dateRangeCondition(column: SqlFragment, filter: DateFilter): SqlFragment[] {
  const conditions: SqlFragment[] = [];
  if (filter.gte != null) conditions.push(sql`${column} >= ${filter.gte}::date`);
  if (filter.lte != null) conditions.push(sql`${column} <= ${filter.lte}::date`);
  if (filter.isNull != null) conditions.push(filter.isNull ? sql`${column} is null` : sql`${column} is not null`);
  return conditions;
}

/** `arrayType` casts the parameters to the column's array type so the GIN index applies. */
export function listCondition(column: SqlFragment, filter: StringListFilter, arrayType = 'text[]'): SqlFragment[] {
  const cast = sql.raw(`::${arrayType}`);
  const conditions: SqlFragment[] = [];
  if (filter.includes != null) conditions.push(sql`${column} @> ${[filter.includes]}${cast}`);
  if (filter.includesAll != null) conditions.push(sql`${column} @> ${filter.includesAll}${cast}`);
  if (filter.includesAny != null) conditions.push(sql`${column} && ${filter.includesAny}${cast}`);
  return conditions;
}

/** Escapes LIKE wildcards so user text matches literally. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
