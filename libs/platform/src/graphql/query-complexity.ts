import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLNamedType,
  type GraphQLSchema,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

/** Arguments that say how many items a list field returns. */
const PAGE_SIZE_ARGUMENTS = new Set(['first', 'last', 'pageSize', 'limit']);
/** Assumed for a page size passed through a variable: it may ask for the largest page. */
const VARIABLE_LIST_SIZE = 100;
/** Assumed for a list field that says nothing of its size. */
const DEFAULT_LIST_SIZE = 10;

/**
 * The cost of a selection: every field costs 1, and a field that returns a list multiplies the
 * cost of its sub-selection by the list's size — its page-size argument when written in the query,
 * the largest page when that comes from a variable, else a default. It is computed from the
 * document alone so that Mercurius can cache validated queries.
 */
export function queryCost(
  schema: GraphQLSchema,
  parentType: GraphQLNamedType | undefined,
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  seenFragments: ReadonlySet<string> = new Set(),
  /** A page size asked for above, on a field that is not itself a list (`search(input: {pageSize}) { hits }`). */
  pageSizeFromAbove?: number,
): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      cost += 1;
      if (!selection.selectionSet) continue;
      const ownField =
        parentType && (isObjectType(parentType) || isInterfaceType(parentType))
          ? parentType.getFields()[selection.name.value]?.type
          : undefined;
      const resolvedType = ownField ?? introspectionType(schema, selection.name.value);
      const asked = pageSize(selection.arguments?.map((a) => [a.name.value, a.value] as const) ?? []);
      const isList = resolvedType !== undefined && isListType(getNullableType(resolvedType));
      const multiplier = isList ? (asked ?? pageSizeFromAbove ?? DEFAULT_LIST_SIZE) : 1;
      const childType = resolvedType ? getNamedType(resolvedType) : undefined;
      const passDown = isList ? undefined : (asked ?? pageSizeFromAbove);
      cost += multiplier * queryCost(schema, childType, selection.selectionSet, fragments, seenFragments, passDown);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
      cost += queryCost(schema, type ?? undefined, selection.selectionSet, fragments, seenFragments, pageSizeFromAbove);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      // A fragment cycle is reported by GraphQL's own validation; counting it once is enough here.
      if (!fragment || seenFragments.has(name)) continue;
      const type = schema.getType(fragment.typeCondition.name.value) ?? undefined;
      cost += queryCost(schema, type, fragment.selectionSet, fragments, new Set([...seenFragments, name]), pageSizeFromAbove);
    }
  }
  return cost;
}

/** `__schema` and `__type` are not among the root type's own fields. */
function introspectionType(schema: GraphQLSchema, fieldName: string) {
  if (fieldName === '__schema') return schema.getType('__Schema') ?? undefined;
  if (fieldName === '__type') return schema.getType('__Type') ?? undefined;
  return undefined;
}

/** The page size that field arguments ask for, looking into input objects (`input: { pageSize }`). */
function pageSize(args: (readonly [string, ValueNode])[]): number | undefined {
  for (const [name, value] of args) {
    if (PAGE_SIZE_ARGUMENTS.has(name)) {
      if (value.kind === Kind.INT) return Math.max(1, Number(value.value));
      if (value.kind === Kind.VARIABLE) return VARIABLE_LIST_SIZE;
    }
    if (value.kind === Kind.OBJECT) {
      const nested = pageSize(value.fields.map((f) => [f.name.value, f.value] as const));
      if (nested !== undefined) return nested;
    }
    // A whole input object given as a variable may carry any page size.
    if (value.kind === Kind.VARIABLE && name === 'input') return VARIABLE_LIST_SIZE;
  }
  return undefined;
}

/** A GraphQL validation rule that refuses operations costing more than `maxCost`. */
export function maxCostRule(maxCost: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const schema = context.getSchema();
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const definition of context.getDocument().definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
      }
      const root = schema.getRootType(operation.operation) ?? undefined;
      const cost = queryCost(schema, root, operation.selectionSet, fragments);
      if (cost > maxCost) {
        context.reportError(
          new GraphQLError(`query is too complex: cost ${cost} exceeds the limit of ${maxCost}`, { nodes: [operation] }),
        );
      }
    },
  });
}
