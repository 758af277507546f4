import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Marks a statement as bookkeeping that runs on its own schedule (a replica asking for the data
 * version): not counted, so it cannot land inside a measured request by chance.
 */
export const BOOKKEEPING_SQL = '/* bookkeeping */';

/**
 * Counts the SQL statements an ORM instance sends. Used by tests that prove a roll-up or a
 * count is a bounded number of statements, whatever the size of the data.
 */
export class QueryCounter {
  private count = 0;
  private readonly listener = (query: { sql?: string }) => {
    if (!query.sql?.startsWith(BOOKKEEPING_SQL)) this.count += 1;
  };

  constructor(private readonly orm: MikroORM) {
    orm.em.getConnection().getKnex().on('query', this.listener);
  }

  /** Runs `fn` and returns how many statements it sent, with its result. */
  async measure<T>(fn: () => Promise<T>): Promise<{ statements: number; result: T }> {
    const before = this.count;
    const result = await fn();
    return { statements: this.count - before, result };
  }

  get total(): number {
    return this.count;
  }

  dispose(): void {
    this.orm.em.getConnection().getKnex().removeListener('query', this.listener);
  }
}
