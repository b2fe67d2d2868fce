import { sql, type SqlFragment } from '../../data/sql.js';
import { badUserInput } from '../../graphql/errors.js';
import type { CounterpartyFilterExtension, FilterScope } from '../../graphql/filter-extension.js';
import {
  allOf,
  anyOf,
  dateRangeCondition,
  idCondition,
  likePattern,
  listCondition,
  timeRangeCondition,
} from '../../graphql/filter-sql.js';
import type { InteractionFilter } from '../interaction/interaction-filter.input.js';
import { RelationshipDirection } from '../relationship/relationship-direction.js';
import type { CounterpartyFilter, RelationshipMatch } from './counterparty-filter.input.js';

/** Deep enough for "people whose organisation's supplier has a tag", shallow enough to bound the SQL. */
const MAX_DEPTH = 6;

/** A filter as it arrives: the typed core fields plus whatever fields plugins added. */
type RawCounterpartyFilter = CounterpartyFilter & Record<string, unknown>;

export function interactionConditions(i: SqlFragment, filter: InteractionFilter): SqlFragment[] {
  const conditions: SqlFragment[] = [];
  if (filter.type?.length) conditions.push(sql`${i}.type = any(${filter.type}::interaction_type[])`);
  if (filter.direction?.length)
    conditions.push(sql`${i}.direction = any(${filter.direction}::interaction_direction[])`);
  if (filter.occurredAt) conditions.push(...timeRangeCondition(sql`${i}.occurred_at`, filter.occurredAt));
  if (filter.search) {
    const pattern = likePattern(filter.search);
    conditions.push(sql`(lower(${i}.subject) like ${pattern} or lower(${i}.body) like ${pattern})`);
  }
  return conditions;
}

/** Compiles a counterparty filter to one boolean SQL expression over `scope.counterparty`. */
export class CounterpartyFilterCompiler {
  readonly #extensions: Map<string, CounterpartyFilterExtension>;
  #aliasCount = 0;

  constructor(
    private readonly workspaceId: string,
    extensions: readonly CounterpartyFilterExtension[],
  ) {
    this.#extensions = new Map(extensions.map((e) => [e.field, e]));
  }

  compile(filter: RawCounterpartyFilter, counterparty: SqlFragment, depth = 0): SqlFragment {
    if (depth > MAX_DEPTH) throw badUserInput(`Filters nest at most ${MAX_DEPTH} levels deep`);
    const c = counterparty;
    const conditions: SqlFragment[] = [];
    const nested = (f: CounterpartyFilter) => this.compile(f as RawCounterpartyFilter, c, depth + 1);
    if (filter.AND) conditions.push(allOf(filter.AND.map(nested)));
    if (filter.OR) conditions.push(anyOf(filter.OR.map(nested)));
    if (filter.NOT) conditions.push(sql`not ${nested(filter.NOT)}`);
    if (filter.id) conditions.push(...idCondition(sql`${c}.id`, filter.id));
    if (filter.kind) conditions.push(sql`${c}.kind = ${filter.kind}`);
    if (filter.roles) conditions.push(...listCondition(sql`${c}.roles`, filter.roles));
    if (filter.tags) conditions.push(...listCondition(sql`${c}.tags`, filter.tags));
    if (filter.owner) conditions.push(...idCondition(sql`${c}.owner_id`, filter.owner));
    if (filter.search) conditions.push(sql`${c}.search_text like ${likePattern(filter.search)}`);
    if (filter.contactConsent != null) conditions.push(sql`${c}.contact_consent = ${filter.contactConsent}`);
    if (filter.birthday) conditions.push(...dateRangeCondition(sql`${c}.birthday`, filter.birthday));
    if (filter.createdAt) conditions.push(...timeRangeCondition(sql`${c}.created_at`, filter.createdAt));
    if (filter.updatedAt) conditions.push(...timeRangeCondition(sql`${c}.updated_at`, filter.updatedAt));
    if (filter.interactions) conditions.push(...this.#interactions(c, filter.interactions));
    if (filter.relationships) conditions.push(...this.#relationships(c, filter.relationships, depth));
    for (const [field, extension] of this.#extensions) {
      const value = filter[field];
      if (value != null) conditions.push(extension.compile(value, this.#scope(c)));
    }
    return allOf(conditions);
  }

  #alias(prefix: string): SqlFragment {
    return sql.ref(`${prefix}${this.#aliasCount++}`);
  }

  #scope(counterparty: SqlFragment): FilterScope {
    return { counterparty, workspaceId: this.workspaceId, alias: (prefix) => this.#alias(prefix) };
  }

  #interactionsExist(c: SqlFragment, filter: InteractionFilter, negate: boolean): SqlFragment {
    const i = this.#alias('i');
    const conditions = interactionConditions(i, filter);
    const match = negate ? sql`not ${allOf(conditions)}` : allOf(conditions);
    return sql`exists (select 1 from interaction ${i} where ${i}.workspace_id = ${this.workspaceId}
      and ${i}.counterparty_id = ${c}.id and ${i}.deleted_at is null and ${match})`;
  }

  #interactions(c: SqlFragment, relation: NonNullable<CounterpartyFilter['interactions']>): SqlFragment[] {
    const conditions: SqlFragment[] = [];
    if (relation.some) conditions.push(this.#interactionsExist(c, relation.some, false));
    if (relation.none) conditions.push(sql`not ${this.#interactionsExist(c, relation.none, false)}`);
    // "every" holds vacuously for a counterparty with no interactions, as in Prisma and SQL's ALL.
    if (relation.every) conditions.push(sql`not ${this.#interactionsExist(c, relation.every, true)}`);
    return conditions;
  }

  #relationshipExists(c: SqlFragment, match: RelationshipMatch, depth: number): SqlFragment {
    const r = this.#alias('r');
    const other = this.#alias('c');
    const direction = match.direction ?? RelationshipDirection.BOTH;
    const ends: SqlFragment[] = [];
    if (direction !== RelationshipDirection.INCOMING)
      ends.push(sql`(${r}.from_id = ${c}.id and ${other}.id = ${r}.to_id)`);
    if (direction !== RelationshipDirection.OUTGOING)
      ends.push(sql`(${r}.to_id = ${c}.id and ${other}.id = ${r}.from_id)`);
    const conditions = [anyOf(ends)];
    if (match.type?.length) conditions.push(sql`${r}.type = any(${match.type}::text[])`);
    if (match.other) conditions.push(this.compile(match.other as RawCounterpartyFilter, other, depth + 1));
    return sql`exists (select 1 from relationship ${r} join counterparty ${other}
      on ${other}.workspace_id = ${this.workspaceId} and ${other}.deleted_at is null
      where ${r}.workspace_id = ${this.workspaceId} and ${r}.deleted_at is null and ${allOf(conditions)})`;
  }

  #relationships(c: SqlFragment, relation: NonNullable<CounterpartyFilter['relationships']>, depth: number) {
    const conditions: SqlFragment[] = [];
    if (relation.some) conditions.push(this.#relationshipExists(c, relation.some, depth));
    if (relation.none) conditions.push(sql`not ${this.#relationshipExists(c, relation.none, depth)}`);
    return conditions;
  }
}
