import { NameMatcher, type MatchQuery } from '../matcher';
import { foldText } from '../parse';
import { readSharedUnits } from '../testing-data';

/**
 * Matcher benchmark: 10,000 query names built deterministically from the real pre-reform list
 * (exact names, folded spellings, abbreviated prefixes, English forms, one-letter typos; a third
 * with a `within` province), matched in one `matchMany` call. Baseline in the same run: a plain
 * Map lookup of the same names by exact official name.
 * Run: npm run build -w @ntm/names && node subgraphs/names/dist/bench/match.bench.js
 */
const units = readSharedUnits('units-2025-03-01.csv');
const communes = units.filter((u) => u.level === 'COMMUNE');
const provinceOf = new Map<string, string>();
const byId = new Map(units.map((u) => [u.id, u]));
for (const u of communes) {
  let p = byId.get(u.parentId!)!;
  while (p.parentId) p = byId.get(p.parentId)!;
  provinceOf.set(u.id, p.code);
}

const ABBREVIATION: Record<string, string> = { 'Xã ': 'X. ', 'Phường ': 'P.', 'Thị trấn ': 'TT. ' };
const ENGLISH: Record<string, string> = { 'Xã ': ' commune', 'Phường ': ' ward', 'Thị trấn ': ' township' };

function variant(name: string, i: number): string {
  const prefix = Object.keys(ABBREVIATION).find((p) => name.startsWith(p)) ?? '';
  const core = name.slice(prefix.length);
  switch (i % 5) {
    case 0:
      return name;
    case 1:
      return foldText(name);
    case 2:
      return prefix ? ABBREVIATION[prefix] + core : name;
    case 3:
      return prefix ? foldText(core) + ENGLISH[prefix] : name;
    default: {
      const at = 1 + (i % Math.max(1, core.length - 1));
      return prefix + core.slice(0, at) + core.slice(at + 1);
    }
  }
}

const N = 10_000;
const queries: MatchQuery[] = [];
for (let i = 0; i < N; i++) {
  const unit = communes[(i * 7919) % communes.length];
  queries.push({ name: variant(unit.name, i), level: 'COMMUNE', within: i % 3 === 0 ? provinceOf.get(unit.id) : undefined });
}

const built = process.hrtime.bigint();
const matcher = new NameMatcher(units);
const buildMs = Number(process.hrtime.bigint() - built) / 1e6;

matcher.matchMany(queries.slice(0, 500)); // warm-up
const started = process.hrtime.bigint();
const results = matcher.matchMany(queries);
const matchMs = Number(process.hrtime.bigint() - started) / 1e6;

const exactIndex = new Map(units.map((u) => [u.name, u]));
const baseStarted = process.hrtime.bigint();
let found = 0;
for (let round = 0; round < 20; round++) for (const q of queries) if (exactIndex.get(q.name)) found++;
const baseMs = Number(process.hrtime.bigint() - baseStarted) / 1e6 / 20;

const counts: Record<string, number> = {};
for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
console.log(`units indexed        ${units.length} in ${buildMs.toFixed(0)} ms`);
console.log(`names matched        ${N} in ${matchMs.toFixed(0)} ms: ${Math.round(N / (matchMs / 1000)).toLocaleString('en')} names/s`);
console.log(`status counts        ${JSON.stringify(counts)}`);
console.log(`baseline Map lookup  ${baseMs.toFixed(2)} ms for ${N} names (${found / 20} exact hits)`);
console.log(`ratio matcher/baseline ${(matchMs / baseMs).toFixed(0)}×`);
