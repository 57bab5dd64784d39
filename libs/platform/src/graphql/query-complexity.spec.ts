import { buildSchema, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse, specifiedRules, validate } from 'graphql';
import { maxCostRule, queryCost } from './query-complexity.js';

const schema = buildSchema(`
  type Query { course(id: ID!): Course, courses(first: Int): [Course!]!, search(input: SearchInput!): Result! }
  input SearchInput { query: String, pageSize: Int }
  type Result { hits: [Course!]! }
  type Course { id: ID!, title: String, provider: Provider, outcomes: [String!]! }
  type Provider { name: String, courses(first: Int): [Course!]! }
`);

function cost(query: string): number {
  const document = parse(query);
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return queryCost(schema, schema.getQueryType()!, operation.selectionSet, fragments);
}

describe('queryCost', () => {
  it('counts one per field when nothing is a list', () => {
    expect(cost('{ course(id: 1) { id title provider { name } } }')).toBe(5);
  });

  it('multiplies a list by its literal page size, scalar lists costing nothing extra', () => {
    expect(cost('{ courses(first: 3) { id outcomes } }')).toBe(1 + 3 * 2);
  });

  it('counts a page size from a variable as the largest page, also inside an input object', () => {
    expect(cost('query($n: Int) { courses(first: $n) { id } }')).toBe(1 + 100);
    expect(cost('{ search(input: { pageSize: 20 }) { hits { id } } }')).toBe(1 + 1 + 20 * 1);
    expect(cost('query($i: SearchInput!) { search(input: $i) { hits { id } } }')).toBe(1 + 1 + 100 * 1);
  });

  it('multiplies nested lists and expands fragments', () => {
    const query = `{ courses(first: 10) { ...C } } fragment C on Course { provider { courses(first: 5) { id } } }`;
    expect(cost(query)).toBe(1 + 10 * (1 + 1 + 5 * 1));
  });

  it('refuses an operation over the limit through the validation rule', () => {
    const ok = validate(schema, parse('{ courses(first: 10) { id } }'), [...specifiedRules, maxCostRule(50)]);
    const tooMuch = validate(schema, parse('{ courses(first: 100) { id } }'), [...specifiedRules, maxCostRule(50)]);
    expect(ok).toEqual([]);
    expect(tooMuch.map((e) => e.message)).toEqual(['query is too complex: cost 101 exceeds the limit of 50']);
  });
});
