import { GraphQLScalarType, Kind } from 'graphql';
import { parseVnd } from '../../domain';

function parse(value: unknown): bigint {
  const r = parseVnd(value, 'VND');
  // A plain Error: graphql-js names the argument or variable path (e.g. "input.lines[0].planned").
  if (!r.ok) throw new Error(r.error.reason);
  return r.value;
}

/**
 * `VND`: an amount of Vietnamese đồng, a whole number, written as a string of digits ("3500000000") so that
 * no client parses it as floating point; input also takes a safe integer. Never a Float.
 */
export const VndScalar = new GraphQLScalarType<bigint, string>({
  name: 'VND',
  description:
    'An amount in Vietnamese đồng (VND), a whole number written as a string of digits, e.g. "3500000000" (never floating point). Input also accepts a safe integer.',
  serialize: (value) => (typeof value === 'bigint' ? value.toString() : parse(value).toString()),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return parse(ast.kind === Kind.INT ? Number(ast.value) : ast.value);
    throw new Error('VND must be a string of digits or an integer');
  },
});
