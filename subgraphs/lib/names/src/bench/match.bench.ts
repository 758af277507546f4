/**
 * Matcher benchmark on the real pre-reform list (10,806 units): 10,000 query names built
 * deterministically from its communes — exact official names, folded spellings, abbreviated
 * prefixes, English forms, one-letter typos and names with their district as a hint; a third of
 * them with `within` = their province, half with `level` = COMMUNE — matched in one `matchMany`
 * call. Baseline in the same run: a plain Map lookup of the same names by exact official name.
 *
 * Run: npm run build -w @ntm/names && node subgraphs/lib/names/dist/bench/match.bench.js [--examples]
 * (the data is found next to the repository, `<repo>/../shared`, or under NTM_SHARED_DIR).
 */
import { foldText } from '../fold';
import { NameMatcher, type MatchableUnit, type MatchQuery } from '../matcher';
import { readUnitList } from '../shared-data';

const N = 10_000;
const units = readUnitList('units-2025-03-01.csv');
const byId = new Map(units.map((u) => [u.id, u]));
const communes = units.filter((u) => u.level === 'COMMUNE');
const provinceOf = (u: MatchableUnit): MatchableUnit => {
  let p = u;
  while (p.parentId) p = byId.get(p.parentId)!;
  return p;
};

const KIND = /^(thị trấn|phường|xã) /i; // the list writes "Thị Trấn Ái Tử" too
const ABBREVIATED: Record<string, string> = { xã: 'X. ', phường: 'P.', 'thị trấn': 'TT. ' };
const ENGLISH: Record<string, string> = { xã: ' Commune', phường: ' Ward', 'thị trấn': ' Township' };
const VARIANTS = ['exact', 'folded', 'abbreviated', 'english', 'typo', 'hint'] as const;
type Variant = (typeof VARIANTS)[number];

/** Deterministic pseudo-random integers (LCG), so that every run matches the same names. */
let seed = 20250701;
const next = (n: number) => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
};

/** One letter deleted, replaced by another, or swapped with the next one (an extra letter on short names). */
function typo(text: string): string {
  const letters = [...text].map((c, i) => (/\p{L}/u.test(c) ? i : -1)).filter((i) => i >= 0);
  if (letters.length < 4) return `${text}h`;
  const at = letters[next(letters.length - 1)];
  const chars = [...text];
  switch (next(3)) {
    case 0:
      chars.splice(at, 1);
      break;
    case 1:
      chars[at] = chars[at] === 'a' ? 'e' : 'a';
      break;
    default:
      if (chars[at + 1] && chars[at + 1] !== ' ') [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
      else chars.splice(at, 1);
  }
  return chars.join('');
}

function variant(unit: MatchableUnit, variantKind: Variant): string {
  const prefix = KIND.exec(unit.name)?.[0] ?? '';
  const kind = prefix.trim().toLowerCase();
  const core = unit.name.slice(prefix.length);
  switch (variantKind) {
    case 'exact':
      return unit.name;
    case 'folded':
      return foldText(unit.name);
    case 'abbreviated':
      return ABBREVIATED[kind] + core;
    case 'english':
      return foldText(core) + ENGLISH[kind];
    case 'typo':
      return prefix + typo(core);
    case 'hint':
      return `${unit.name} (${byId.get(unit.parentId!)!.name})`;
  }
}

const queries: MatchQuery[] = [];
const sources: { unit: MatchableUnit; variant: Variant }[] = [];
for (let i = 0; i < N; i++) {
  const unit = communes[next(communes.length)];
  const kind = VARIANTS[i % VARIANTS.length];
  const within = next(3) === 0 ? provinceOf(unit).code : undefined;
  queries.push({ name: variant(unit, kind), level: next(2) === 0 ? 'COMMUNE' : undefined, within });
  sources.push({ unit, variant: kind });
}

const built = process.hrtime.bigint();
const matcher = new NameMatcher(units);
const buildMs = Number(process.hrtime.bigint() - built) / 1e6;

matcher.matchMany(queries.slice(0, 1000)); // warm-up (JIT)
const started = process.hrtime.bigint();
const results = matcher.matchMany(queries);
const matchMs = Number(process.hrtime.bigint() - started) / 1e6;

const exactIndex = new Map<string, MatchableUnit[]>();
for (const u of units) exactIndex.set(u.name, [...(exactIndex.get(u.name) ?? []), u]);
const ROUNDS = 50;
let found = 0;
const baseStarted = process.hrtime.bigint();
for (let round = 0; round < ROUNDS; round++) for (const q of queries) if (exactIndex.get(q.name)) found++;
const baseMs = Number(process.hrtime.bigint() - baseStarted) / 1e6 / ROUNDS;

/** Outcome of one query against the unit it was made from. */
const outcome = (i: number) => {
  const r = results[i];
  if (r.best) return r.best.id === sources[i].unit.id ? 'right' : 'wrong';
  if (r.status === 'AMBIGUOUS') return r.candidates.some((c) => c.unit.id === sources[i].unit.id) ? 'ambiguousWithIt' : 'ambiguousWithoutIt';
  return 'unmatched';
};
const byScope: Record<string, Record<string, number>> = {};
const statusCounts: Record<string, number> = {};
const byVariant: Record<string, Record<string, number>> = {};
results.forEach((r, i) => {
  statusCounts[r.status] = (statusCounts[r.status] ?? 0) + 1;
  const row = (byVariant[sources[i].variant] ??= {});
  const o = outcome(i);
  row[o] = (row[o] ?? 0) + 1;
  const scope = (byScope[queries[i].within ? 'within its province' : 'whole country'] ??= {});
  scope[o] = (scope[o] ?? 0) + 1;
});

const perSecond = Math.round(N / (matchMs / 1000));
console.log(`units indexed           ${units.length} in ${buildMs.toFixed(0)} ms`);
console.log(`names matched           ${N} in ${matchMs.toFixed(0)} ms: ${perSecond.toLocaleString('en')} names/s`);
console.log(`status counts           ${JSON.stringify(statusCounts)}`);
console.log(`outcome by variant      (right = best is the unit the name was made from; ambiguous ones list it or not)`);
for (const v of VARIANTS) console.log(`  ${v.padEnd(12)}          ${JSON.stringify(byVariant[v])}`);
for (const [scope, row] of Object.entries(byScope)) console.log(`  ${scope.padEnd(20)}  ${JSON.stringify(row)}`);
console.log(`baseline Map lookup     ${baseMs.toFixed(2)} ms for ${N} names (${found / ROUNDS} exact hits)`);
console.log(`ratio matcher/baseline  ${(matchMs / baseMs).toFixed(0)}×`);

if (process.argv.includes('--examples')) {
  // Up to four queries per variant and outcome other than "right", with what they got.
  const shown = new Map<string, number>();
  results.forEach((r, i) => {
    const o = outcome(i);
    const group = `${sources[i].variant} ${o}`;
    if (o === 'right' || (shown.get(group) ?? 0) >= 4) return;
    shown.set(group, (shown.get(group) ?? 0) + 1);
    const got = r.best
      ? `${r.best.code} ${r.best.name} ${r.score}`
      : r.candidates
          .slice(0, 3)
          .map((c) => `${c.unit.code} ${c.unit.name} ${c.score}`)
          .join('; ');
    const within = queries[i].within ? ` within ${queries[i].within}` : '';
    console.log(`  ${group}: "${queries[i].name}"${within} (from ${sources[i].unit.code} ${sources[i].unit.name}) → ${r.status} ${got}`);
  });
}
