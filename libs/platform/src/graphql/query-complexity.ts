import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

/** Arguments that say how many items a list field returns; they multiply the cost of what is below. */
const PAGE_SIZE_ARGUMENTS = new Set(['first', 'last', 'pageSize', 'limit']);
/** Assumed for a list whose size is not written in the query: a variable may ask for the largest page. */
const VARIABLE_LIST_SIZE = 100;
const DEFAULT_LIST_SIZE = 10;

/**
 * The cost of a query: every field costs 1, and a field with a page-size argument multiplies the
 * cost of its sub-selection by that size. Fragments are expanded. The cost is computed from the
 * document alone (so that Mercurius can cache validated queries): a page size given through a
 * variable counts as the largest page.
 */
export function queryCost(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  seenFragments: Set<string> = new Set(),
): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const multiplier = listSize(selection.arguments?.map((a) => [a.name.value, a.value] as const) ?? []);
      cost += 1 + (selection.selectionSet ? multiplier * queryCost(selection.selectionSet, fragments, seenFragments) : 0);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      cost += queryCost(selection.selectionSet, fragments, seenFragments);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      // A fragment cycle is reported by GraphQL's own validation; counting it once is enough here.
      if (!fragment || seenFragments.has(name)) continue;
      cost += queryCost(fragment.selectionSet, fragments, new Set([...seenFragments, name]));
    }
  }
  return cost;
}

/** The list size that field arguments ask for, looking into input objects (`input: { pageSize }`). */
function listSize(args: (readonly [string, ValueNode])[]): number {
  for (const [name, value] of args) {
    if (PAGE_SIZE_ARGUMENTS.has(name)) {
      if (value.kind === Kind.INT) return Math.max(1, Number(value.value));
      if (value.kind === Kind.VARIABLE) return VARIABLE_LIST_SIZE;
    }
    if (value.kind === Kind.OBJECT) {
      const nested = listSize(value.fields.map((f) => [f.name.value, f.value] as const));
      if (nested !== DEFAULT_LIST_SIZE) return nested;
    }
    // A whole input object passed as a variable may carry any page size.
    if (value.kind === Kind.VARIABLE && name === 'input') return VARIABLE_LIST_SIZE;
  }
  return DEFAULT_LIST_SIZE;
}

/** A GraphQL validation rule that refuses operations costing more than `maxCost`. */
export function maxCostRule(maxCost: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const definition of context.getDocument().definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
      }
      const cost = queryCost(operation.selectionSet, fragments);
      if (cost > maxCost) {
        context.reportError(
          new GraphQLError(`query is too complex: cost ${cost} exceeds the limit of ${maxCost}`, { nodes: [operation] }),
        );
      }
    },
  });
}
