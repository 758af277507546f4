import { GraphQLScalarType, Kind } from 'graphql';

const WHOLE = /^-?\d+$/;
function parse(value: unknown): string {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !WHOLE.test(text))
    throw new Error(`VND must be a whole number of đồng written as a string of digits, got ${JSON.stringify(value)}`);
  return text.replace(/^(-?)0+(?=\d)/, '$1');
}

/** `VND`: a whole amount of Vietnamese đồng, carried as a string of digits (stored as bigint; never a float). */
export const VndScalar = new GraphQLScalarType<string, string>({
  name: 'VND',
  description: 'A whole amount of Vietnamese đồng (VND), written as a string of digits ("300000000"); exact, never a float.',
  serialize: (value) => parse(typeof value === 'bigint' ? value.toString() : value),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING && ast.kind !== Kind.INT) throw new Error('VND must be a string of digits');
    return parse(ast.value);
  },
});
