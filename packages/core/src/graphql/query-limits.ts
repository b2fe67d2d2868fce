import {
  GraphQLError,
  getArgumentValues,
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface QueryLimits {
  /** Deepest nesting of fields, e.g. counterparties → edges → node → interactions → … */
  maxDepth: number;
  /** Estimated number of objects resolved: each field costs 1, times the page size of lists. */
  maxComplexity: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 15, maxComplexity: 100_000 };

/** Lists without a page size are counted as this many items. */
const ASSUMED_LIST_LENGTH = 10;

interface Measure {
  depth: number;
  cost: number;
}

/** Walks one operation once, measuring nesting depth and the page-size-weighted cost. */
class OperationMeter {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
  ) {}

  /** `paged`: the parent field already multiplied by its page size, so its list (`edges`) counts once. */
  measure(
    selectionSet: SelectionSetNode | undefined,
    parent: GraphQLCompositeType,
    paged = false,
    visiting = new Set<string>(),
  ): Measure {
    let depth = 0;
    let cost = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const field =
          isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        if (!field) continue;
        const named = getNamedType(field.type);
        const args = getArgumentValues(field, selection, this.variables);
        const pageSize = (args.first as number | undefined) ?? (args.last as number | undefined);
        const inner = isCompositeType(named)
          ? this.measure(selection.selectionSet, named, pageSize != null, visiting)
          : { depth: 0, cost: 0 };
        const listed = isListType(getNullableType(field.type));
        const multiplier = pageSize ?? (listed && !paged ? ASSUMED_LIST_LENGTH : 1);
        depth = Math.max(depth, 1 + inner.depth);
        cost += 1 + inner.cost * multiplier;
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : this.fragments.get(selection.name.value);
        const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : undefined;
        if (!fragment || (name && visiting.has(name))) continue;
        if (name) visiting.add(name);
        const condition = fragment.typeCondition ? this.schema.getType(fragment.typeCondition.name.value) : parent;
        const inner = this.measure(
          fragment.selectionSet,
          isCompositeType(condition) ? condition : parent,
          paged,
          visiting,
        );
        if (name) visiting.delete(name);
        depth = Math.max(depth, inner.depth);
        // Fragments on different concrete types of an abstract parent never all apply: count the costliest.
        cost = isAbstractType(parent) ? Math.max(cost, inner.cost) : cost + inner.cost;
      }
    }
    return { depth, cost };
  }
}

function limitError(message: string, limit: number, actual: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, actual, http: { status: 400 } },
  });
}

function operationOf(document: DocumentNode, operationName: string | null | undefined) {
  return document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
}

/**
 * Refuses operations too deep or too costly to run, before any resolver runs. Cost counts page
 * sizes, so `first: 100` on a nested connection weighs what it will really cost.
 */
export function checkQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
  limits: QueryLimits = DEFAULT_QUERY_LIMITS,
): GraphQLError | undefined {
  const operation = operationOf(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return undefined;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const { depth, cost } = new OperationMeter(schema, fragments, variables ?? {}).measure(operation.selectionSet, root);
  if (depth > limits.maxDepth) {
    return limitError(
      `The query nests ${depth} levels deep; at most ${limits.maxDepth} are allowed`,
      limits.maxDepth,
      depth,
    );
  }
  if (cost > limits.maxComplexity) {
    return limitError(
      `The query would cost ${cost} (fields × page sizes); at most ${limits.maxComplexity} is allowed. Ask for smaller pages or fewer nested fields`,
      limits.maxComplexity,
      cost,
    );
  }
  return undefined;
}
