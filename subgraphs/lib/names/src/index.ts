/** Vietnamese administrative-unit names: folding, kind-prefix parsing, matching to official units (pure, no dependencies). */
export { foldText, foldKey, accentKey, soundAlikeKey, isUnaccented } from './fold';
export { type UnitLevel, LEVEL_OF_KIND, canonicalKind, readKind, type KindPrefix } from './kinds';
export { type ParsedName, parseUnitName, searchKey, analyseName, splitHints, type NameAnalysis, type Reading } from './parse';
export { editDistance, deletions } from './similarity';
export {
  type MatchableUnit,
  type MatchQuery,
  type MatchStatus,
  type Candidate,
  type MatchResult,
  NameMatcher,
  SCORES,
  FLOOR,
  TIE,
  MAX_CANDIDATES,
  tiesOf,
} from './matcher';
