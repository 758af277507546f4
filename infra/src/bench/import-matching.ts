import 'reflect-metadata';
// Pure domain code of the criteria subgraph and the real unit list reader of @ntm/names (not their entry points).
import { ImportUnitResolver, type ProfileUnit } from '@ntm/criteria/dist/domain/import/unit-resolution';
import { readUnitList } from '@ntm/names/dist/shared-data';
import { abbreviateKind, KIND, unaccented } from './messy-names';
import { Rng } from '@ntm/kit';

/**
 * How well an import resolves names as spreadsheets write them, on a GENERATED set of mistakes
 * made to real communes of the pre-reform list (shared/data/admin-units/units-2025-03-01.csv),
 * matched within each commune's province as a provincial file would be:
 *   node infra/dist/bench/import-matching.js [--per-kind 2000] [--seed 7] [--show-wrong]
 * For each kind of mistake it prints the share resolved to the right unit, reported ambiguous,
 * unmatched, and — the one that must stay at zero — resolved confidently to a WRONG unit.
 */
const LIST = '2025-03-01';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const DISTRICT_ABBREVIATION: [RegExp, string][] = [
  [/^Huyện\s+/, 'H. '],
  [/^Quận\s+/, 'Q. '],
  [/^Thị xã\s+/, 'TX. '],
  [/^Thành phố\s+/, 'TP. '],
];

/** One typing error inside the name core (not in the kind word): swap, drop, double or replace a letter. */
function typo(name: string, random: () => number): string {
  const kind = KIND.exec(name)?.[0] ?? '';
  const core = name.slice(kind.length);
  const letters = [...core].map((c, i) => ({ c, i })).filter((x) => /\p{L}/u.test(x.c));
  if (letters.length < 3) return name;
  const at = letters[1 + Math.floor(random() * (letters.length - 2))].i;
  const chars = [...core];
  switch (Math.floor(random() * 4)) {
    case 0:
      if (at + 1 < chars.length && chars[at + 1] !== ' ') [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
      else chars.splice(at, 1);
      break;
    case 1:
      chars.splice(at, 1);
      break;
    case 2:
      chars.splice(at, 0, chars[at]);
      break;
    default:
      chars[at] = 'aeiouhnmtg'[Math.floor(random() * 10)];
  }
  return kind + chars.join('');
}

interface Kind {
  name: string;
  /** The written name and district for a unit, or null when this kind does not apply to it. */
  write(unit: ProfileUnit, district: ProfileUnit, random: () => number): { name: string; district: string | null } | null;
}

const KINDS: Kind[] = [
  { name: 'exact, with its district', write: (u, d) => ({ name: u.name, district: d.name }) },
  { name: 'capitals without diacritics', write: (u) => ({ name: unaccented(u.name).toUpperCase(), district: null }) },
  { name: 'abbreviated kind ("X.", "P.")', write: (u) => ({ name: abbreviateKind(u.name), district: null }) },
  { name: 'no kind word', write: (u) => ({ name: u.name.replace(KIND, ''), district: null }) },
  {
    name: 'i/y written the other way',
    write: (u) => {
      const swapped = u.name
        .replace(/(\S)y\b/u, '$1i')
        .replace(/(\S)ỳ\b/u, '$1ì')
        .replace(/(\S)ý\b/u, '$1í')
        .replace(/(\S)ỹ\b/u, '$1ĩ')
        .replace(/(\S)ỷ\b/u, '$1ỉ')
        .replace(/(\S)ỵ\b/u, '$1ị');
      return swapped === u.name ? null : { name: swapped, district: null };
    },
  },
  {
    name: 'district written inside the name cell',
    write: (u, d) => {
      const district = DISTRICT_ABBREVIATION.reduce((text, [re, abbr]) => text.replace(re, abbr), d.name);
      return { name: `${abbreviateKind(u.name)} - ${district}`, district: null };
    },
  },
  { name: 'one typo, with its district', write: (u, d, r) => ({ name: typo(u.name, r), district: d.name }) },
  { name: 'one typo, no district', write: (u, _d, r) => ({ name: typo(u.name, r), district: null }) },
  {
    name: 'two typos (two syllables), with its district',
    write: (u, d, r) => {
      const core = u.name.replace(KIND, '');
      const syllables = core.split(' ');
      if (syllables.length < 2 || unaccented(core).replace(/ /g, '').length < 8) return null;
      const kind = KIND.exec(u.name)?.[0] ?? '';
      const a = typo(`X ${syllables[0]}`, r).slice(2);
      const b = typo(`X ${syllables[syllables.length - 1]}`, r).slice(2);
      return { name: kind + [a, ...syllables.slice(1, -1), b].join(' '), district: d.name };
    },
  },
];

function main(): void {
  const perKind = arg('per-kind', 2000);
  // A deterministic generator (kit's mulberry32), so every run measures the same set.
  const rng = new Rng(arg('seed', 7));
  const random = () => rng.next();
  const listed = readUnitList('units-2025-03-01.csv');
  const byCode = new Map(listed.map((u) => [u.code, u]));
  const ancestorsOf = (code: string): string[] => {
    const out: string[] = [];
    for (let p = byCode.get(code)?.parentId; p; p = byCode.get(p)?.parentId) out.unshift(`${p}@${LIST}`);
    return out;
  };
  const units: ProfileUnit[] = listed.map((u) => ({
    unitId: `${u.code}@${LIST}`,
    code: u.code,
    listId: LIST,
    level: u.level,
    name: u.name,
    ancestorIds: ancestorsOf(u.code),
    successorIds: [],
    validFrom: null,
    validTo: '2025-06-30',
  }));
  const started = Date.now();
  const resolver = new ImportUnitResolver(units);
  const buildMs = Date.now() - started;
  const communes = units.filter((u) => u.level === 'COMMUNE');
  const profile = new Map(units.map((u) => [u.unitId, u]));

  console.log(
    `Import name resolution on a generated set: ${perKind.toLocaleString('en')} names per kind of mistake, real communes of the list of ${LIST}`,
  );
  console.log(`(${communes.length.toLocaleString('en')} communes; each matched within its province; resolver built in ${buildMs} ms)\n`);
  console.log(
    `${'kind of mistake'.padEnd(46)} ${'right'.padStart(7)} ${'ambiguous'.padStart(10)} ${'unmatched'.padStart(10)} ${'WRONG'.padStart(7)}   names/s`,
  );
  let wrongTotal = 0;
  for (const kind of KINDS) {
    let right = 0;
    let ambiguous = 0;
    let unmatched = 0;
    let wrong = 0;
    let n = 0;
    let ms = 0;
    for (let attempt = 0; n < perKind && attempt < perKind * 20; attempt++) {
      const unit = communes[Math.floor(random() * communes.length)];
      const district = profile.get(unit.ancestorIds[unit.ancestorIds.length - 1])!;
      const province = profile.get(unit.ancestorIds[0])!;
      const written = kind.write(unit, district, random);
      if (!written) continue;
      n++;
      const t = process.hrtime.bigint();
      const result = resolver.resolve({ code: null, name: written.name, district: written.district }, LIST, null, province.code);
      ms += Number(process.hrtime.bigint() - t) / 1e6;
      if (result.unit?.unitId === unit.unitId) right++;
      else if (result.status === 'AMBIGUOUS') ambiguous++;
      else if (result.status === 'UNMATCHED') unmatched++;
      else {
        wrong++;
        if (process.argv.includes('--show-wrong'))
          console.log(
            `  WRONG: "${written.name}"${written.district ? ` (${written.district})` : ''} meant ${unit.name} ${unit.code}, read as ${result.unit?.name} ${result.unit?.code} (${result.status} ${result.score})`,
          );
      }
    }
    wrongTotal += wrong;
    const pct = (x: number) => `${((100 * x) / Math.max(n, 1)).toFixed(1)}%`;
    console.log(
      `${kind.name.padEnd(46)} ${pct(right).padStart(7)} ${pct(ambiguous).padStart(10)} ${pct(unmatched).padStart(10)} ${pct(wrong).padStart(7)}   ${Math.round(n / (ms / 1000)).toLocaleString('en')}`,
    );
  }
  console.log(`\nconfident wrong answers: ${wrongTotal} (target 0; ambiguity is reported, never guessed)`);
}

main();
