/**
 * Which subgraph serves which export: each subgraph lists its exports at `/internal/exports`
 * (@ntm/change-log's registerExports), and the gateway routes `GET /exports/<name>` by those lists
 * — no export or subgraph is named here. The lists are read when first needed, kept a minute, and
 * read again at most every few seconds when a name is not found (a subgraph that was down).
 */

/** One export as a subgraph's index lists it (the gateway passes the rest of the entry on as it is). */
export interface IndexEntry {
  name: string;
  [field: string]: unknown;
}

export interface SubgraphIndex {
  exports: IndexEntry[];
  licence?: unknown;
}

/** Reads one subgraph's index; null when it serves no exports. */
export type IndexFetcher = (graphqlUrl: string) => Promise<SubgraphIndex | null>;

export interface ExportRoute {
  subgraph: string;
  /** The subgraph's GraphQL URL (the export path replaces its path). */
  url: string;
}

export interface MergedIndex {
  licence: unknown;
  exports: (IndexEntry & { subgraph: string; path: string })[];
  /** Subgraphs whose index could not be read just now (their exports are missing from the list). */
  unavailable: string[];
}

export class ExportDirectory {
  private routes = new Map<string, ExportRoute>();
  private merged: MergedIndex = { licence: null, exports: [], unavailable: [] };
  private readAt = -Infinity;
  private reading: Promise<void> | null = null;

  constructor(
    private readonly subgraphUrls: Record<string, string>,
    private readonly fetchIndex: IndexFetcher,
    private readonly maxAgeMs = 60_000,
    private readonly retryMs = 5_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The subgraph serving an export, or null when no subgraph lists it. */
  async resolve(name: string): Promise<ExportRoute | null> {
    const age = this.now() - this.readAt;
    if (age > this.maxAgeMs || (!this.routes.has(name) && age > this.retryMs)) await this.read();
    return this.routes.get(name) ?? null;
  }

  /** Every export of every subgraph, for GET /exports. */
  async index(): Promise<MergedIndex> {
    if (this.now() - this.readAt > this.maxAgeMs || (this.merged.unavailable.length > 0 && this.now() - this.readAt > this.retryMs))
      await this.read();
    return this.merged;
  }

  private read(): Promise<void> {
    this.reading ??= this.readAll().finally(() => (this.reading = null));
    return this.reading;
  }

  private async readAll(): Promise<void> {
    const names = Object.keys(this.subgraphUrls).sort();
    const answers = await Promise.all(
      names.map((name) =>
        this.fetchIndex(this.subgraphUrls[name]).then(
          (index) => ({ name, index, failed: false }),
          () => ({ name, index: null, failed: true }),
        ),
      ),
    );
    const routes = new Map<string, ExportRoute>();
    const merged: MergedIndex = { licence: null, exports: [], unavailable: [] };
    for (const { name, index, failed } of answers) {
      if (failed) merged.unavailable.push(name);
      if (!index) continue;
      merged.licence ??= index.licence ?? null;
      for (const entry of index.exports ?? []) {
        // Two subgraphs declaring one name: the first (by subgraph name) keeps it, deterministically.
        if (typeof entry?.name !== 'string' || routes.has(entry.name)) continue;
        routes.set(entry.name, { subgraph: name, url: this.subgraphUrls[name] });
        merged.exports.push({ ...entry, subgraph: name, path: `/exports/${entry.name}` });
      }
    }
    // Keep what an unreachable subgraph served before, so one failed read does not drop its routes.
    for (const [exportName, route] of this.routes) {
      if (merged.unavailable.includes(route.subgraph) && !routes.has(exportName)) {
        routes.set(exportName, route);
        const previous = this.merged.exports.find((e) => e.name === exportName);
        if (previous) merged.exports.push(previous);
      }
    }
    merged.exports.sort((a, b) => a.name.localeCompare(b.name));
    this.routes = routes;
    this.merged = merged;
    this.readAt = this.now();
  }
}
