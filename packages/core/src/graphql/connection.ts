import { Field, Int, ObjectType, ArgsType, registerEnumType } from 'type-graphql';
import { badUserInput } from './errors.js';
import { sql, type SqlFragment } from '../data/sql.js';
import type { ClassReference } from '../kernel/plugin.js';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });

@ObjectType({ simpleResolvers: true, description: 'Relay page information' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export const MAX_PAGE_SIZE = 100;

/** Relay pagination arguments: `first`/`after` forwards, `last`/`before` backwards. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `At most ${MAX_PAGE_SIZE}` })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `At most ${MAX_PAGE_SIZE}` })
  last?: number | null;

  @Field(() => String, { nullable: true })
  before?: string | null;
}

export interface Edge<TNode> {
  node: TNode;
  cursor: string;
}

export interface Connection<TNode> {
  edges: Edge<TNode>[];
  pageInfo: PageInfo;
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` object types for a node type.
 *
 * @example
 * export const DealConnection = connectionType<DealRow>(DealType, 'Deal');
 */
export function connectionType<TNode>(nodeType: ClassReference, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class EdgeType {
    @Field(() => nodeType)
    node!: TNode;

    @Field({ description: 'Opaque; pass as `after` or `before`' })
    cursor!: string;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

/** A keyset position: the sort key's value and the id that breaks ties. */
export type CursorPosition = [sortValue: string | number | null, id: string];

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string, argument: string): CursorPosition {
  try {
    const position: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(position) && position.length === 2 && typeof position[1] === 'string') {
      return position as CursorPosition;
    }
  } catch {
    // fall through to the typed error
  }
  throw badUserInput(`\`${argument}\` is not a cursor this API issued`, [
    { path: argument, message: 'invalid cursor' },
  ]);
}

/** Which way to read and how many rows, from validated Relay arguments. */
export interface PageWindow {
  forward: boolean;
  limit: number;
  cursor: CursorPosition | null;
}

export function pageWindow(args: ConnectionArgs, defaultSize = 20): PageWindow {
  if (args.first != null && args.last != null) {
    throw badUserInput('Pass either `first` or `last`, not both', [{ path: 'last', message: 'conflicts with first' }]);
  }
  if (args.after != null && args.before != null) {
    throw badUserInput('Pass either `after` or `before`, not both', [
      { path: 'before', message: 'conflicts with after' },
    ]);
  }
  const forward = args.last == null && args.before == null;
  const limit = (forward ? args.first : args.last) ?? defaultSize;
  // Checked here rather than by class-validator: connection arguments are parsed once per parent
  // row on nested connections, the hottest path of a list query.
  if (limit < 0 || limit > MAX_PAGE_SIZE) {
    const path = forward ? 'first' : 'last';
    throw badUserInput(`\`${path}\` must be between 0 and ${MAX_PAGE_SIZE}`, [
      { path, message: `must be 0 to ${MAX_PAGE_SIZE}` },
    ]);
  }
  const rawCursor = forward ? args.after : args.before;
  const cursor = rawCursor ? decodeCursor(rawCursor, forward ? 'after' : 'before') : null;
  return { forward, limit, cursor };
}

/**
 * Builds a connection from rows read in `window` direction with one extra row fetched to learn
 * whether another page exists.
 */
export function toConnection<TRow>(
  rows: TRow[],
  window: PageWindow,
  positionOf: (row: TRow) => CursorPosition,
): Connection<TRow> {
  const hasMore = rows.length > window.limit;
  const page = hasMore ? rows.slice(0, window.limit) : rows;
  if (!window.forward) page.reverse();
  // Cursors are encoded only when a client selects them.
  const edges = page.map((node) => ({
    node,
    get cursor() {
      return encodeCursor(positionOf(node));
    },
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: window.forward ? hasMore : window.cursor !== null,
      hasPreviousPage: window.forward ? window.cursor !== null : hasMore,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
  };
}

/** The keyset condition and ordering for a page of rows sorted by (`column`, `id`). */
export function keyset(options: {
  column: SqlFragment;
  id: SqlFragment;
  /** The SQL type of the sort column, for the cursor value's cast. */
  cast: string;
  /** The order the client asked for; reading backwards flips it. */
  descending: boolean;
  window: PageWindow;
}): { condition: SqlFragment; order: SqlFragment } {
  const ascending = !options.descending === options.window.forward;
  const direction = ascending ? sql`asc` : sql`desc`;
  const order = sql`${options.column} ${direction}, ${options.id} ${direction}`;
  if (!options.window.cursor) return { condition: sql`true`, order };
  const [value, id] = options.window.cursor;
  const position = sql`(${value}::${sql.raw(options.cast)}, ${id}::uuid)`;
  const row = sql`(${options.column}, ${options.id})`;
  return { condition: ascending ? sql`${row} > ${position}` : sql`${row} < ${position}`, order };
}

/** A cursor position from a row's sort value (dates as ISO strings) and id. */
export function positionOf(value: unknown, id: string): CursorPosition {
  return [value instanceof Date ? value.toISOString() : (value as string | number | null), id];
}
