import { checkTitle, MAX_TITLE_LENGTH } from './example-title';

describe('example title rule', () => {
  it('trims and keeps a title', () => expect(checkTitle('  Thôn 1 ')).toEqual({ title: 'Thôn 1' }));
  it('refuses an empty title', () => expect(checkTitle('   ')).toEqual({ reason: 'must not be empty' }));
  it('refuses a title that is too long, saying how long', () =>
    expect(checkTitle('x'.repeat(MAX_TITLE_LENGTH + 1))).toEqual({
      reason: `must be at most ${MAX_TITLE_LENGTH} characters, got ${MAX_TITLE_LENGTH + 1}`,
    }));
});
