/** TEMPLATE: pure rules (no database, no GraphQL) live in domain/ with their tests beside them. */
export const MAX_TITLE_LENGTH = 200;

/** The title to store, or the reason it is refused. */
export function checkTitle(raw: string): { title: string } | { reason: string } {
  const title = raw.trim();
  if (title.length === 0) return { reason: 'must not be empty' };
  if (title.length > MAX_TITLE_LENGTH) return { reason: `must be at most ${MAX_TITLE_LENGTH} characters, got ${title.length}` };
  return { title };
}
