import { parse } from 'graphql';
import { checkDocumentStrings, checkVariables } from './input-checks';

const caps = { maxStringLength: 10, maxVariablesSize: 100 };

describe('input checks', () => {
  it('finds a NUL in a literal, naming the argument', () => {
    expect(checkDocumentStrings(parse('{ a(code: "a\\u0000b") { b } }'), caps)).toMatchObject({
      field: 'code',
      reason: expect.stringMatching(/NUL/),
    });
    expect(checkDocumentStrings(parse('{ a(filter: { search: "x\\u0000" }) { b } }'), caps)).toMatchObject({ field: 'search' });
    expect(checkDocumentStrings(parse('{ a(code: "ab") { b } }'), caps)).toBeNull();
  });

  it('finds over-long literals', () => {
    expect(checkDocumentStrings(parse(`{ a(code: "${'x'.repeat(11)}") { b } }`), caps)?.reason).toMatch(/11 characters/);
  });

  it('finds a NUL, an over-long string or too much in the variables, naming the path', () => {
    expect(checkVariables({ input: [{ unitCode: 'ok' }, { unitCode: 'a\u0000' }] }, caps)).toMatchObject({ field: '$input[1].unitCode' });
    expect(checkVariables({ s: 'x'.repeat(11) }, caps)?.field).toBe('$s');
    expect(checkVariables({ list: Array.from({ length: 50 }, () => 'abc') }, caps)?.field).toBe('variables');
    expect(checkVariables({ n: 1, s: 'fine', nested: { a: [true, null] } }, caps)).toBeNull();
  });

  it('walks deeply nested variables without overflowing the stack', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(checkVariables({ deep }, { maxStringLength: 10, maxVariablesSize: 10_000_000 })?.reason).toMatch(/NUL/);
  });
});
