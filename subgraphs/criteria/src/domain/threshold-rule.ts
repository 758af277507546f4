/**
 * Threshold rule language: the `threshold_rule` column of the criteria data file.
 *
 * A rule is one or more branches; the first branch whose guard holds gives the threshold.
 *
 *   rule        := branch { (";" | "else") branch } [";"]
 *   branch      := comparison [ "otherwise" | guard { guard } ]
 *   guard       := "if" condition | "from" YEAR | "until" YEAR        (all guards of a branch must hold)
 *   comparison  := (">=" | "≥" | ">" | "<=" | "≤" | "<") NUMBER ["%"]
 *                | "=" (NUMBER ["%"] | "true" | "false" | CATEGORY)
 *                | "in" "{" CATEGORY { "," CATEGORY } "}"
 *   condition   := and { "or" and }
 *   and         := unary { "and" unary }
 *   unary       := "not" unary | "(" condition ")" | atom
 *   atom        := "EM" | "MTN" | "ISL" | "EM_MTN_ISL"
 *                | "region" ("=" | "!=" | "≠") REGION | "region" "in" "{" REGION { "," REGION } "}"
 *                | "year" (">=" | ">" | "<=" | "<" | "=" | "!=") YEAR
 *                | "group" ("=" | "!=" | "≠") GROUP | "group" "in" "{" GROUP { "," GROUP } "}"
 *   GROUP       := 1 | 2 | 3          (commune group, xã nhóm, of Decision 51/2025/QĐ-TTg)
 *   CATEGORY    := a word (letters, digits, "_", "-") or a "double-quoted" text
 *
 * Keywords, flags and region codes are case-insensitive. Flags: EM = ethnic-minority area,
 * MTN = mountainous, ISL = island, EM_MTN_ISL = any of the three (the pilot rules of seed 001).
 * `from 2024` means year ≥ 2024, `until 2023` means year ≤ 2023. `A if C else B` is the same as
 * `A if C; B otherwise`. A branch after an unconditional branch is an error (it could never
 * apply), as is `else` after an unconditional branch. A rule whose guards all fail for a unit and
 * year gives no threshold (`evaluateThresholdRule` returns null: "not applicable").
 *
 * Commune group (2026–2030 set): `group=1`, `group!=3`, `group in {1,2}`. When the unit's group
 * is unknown (null/absent), a branch whose condition mentions the group cannot be decided: the
 * rule stops there and gives no threshold, and `selectBranchOutcome` says the group was missing
 * (attainment: NOT_EVALUATED, reason NO_COMMUNE_GROUP), so an unknown group is never guessed.
 * Branches before it are still tried, e.g. `= true if EM; >= 80 if group=1; >= 60 otherwise`
 * gives `= true` to an ethnic-minority unit without a group.
 *
 * Examples: `= true`, `>= 80`, `= 100`, `>= 50 if EM_MTN_ISL else >= 80`,
 * `>= 39 if region=TDMNPB; >= 45 otherwise`, `>= 45 from 2024; >= 40 otherwise`, `in {A,B}`,
 * `>= 90 if group=1; >= 80 if group=2; >= 70 if group=3`.
 */
import { CommuneGroup, isCommuneGroup, isRegion, Region, UnitAttributes, ValueType } from './types';

export type NumericOperator = '>=' | '>' | '<=' | '<' | '=';
export type ThresholdOperator = NumericOperator | 'in';
export type ThresholdTarget = number | boolean | string | readonly string[];

export type Comparison =
  | { readonly kind: 'number'; readonly operator: NumericOperator; readonly target: number; readonly percentSign: boolean }
  | { readonly kind: 'boolean'; readonly operator: '='; readonly target: boolean }
  | { readonly kind: 'category'; readonly operator: '='; readonly target: string }
  | { readonly kind: 'category'; readonly operator: 'in'; readonly target: readonly string[] };

export type Flag = 'EM' | 'MTN' | 'ISL' | 'EM_MTN_ISL';

export type Condition =
  | { readonly kind: 'flag'; readonly flag: Flag }
  | { readonly kind: 'region'; readonly regions: readonly Region[]; readonly negated: boolean }
  | { readonly kind: 'year'; readonly operator: NumericOperator | '!='; readonly year: number }
  | { readonly kind: 'group'; readonly groups: readonly CommuneGroup[]; readonly negated: boolean }
  | { readonly kind: 'not'; readonly operand: Condition }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly Condition[] };

export interface RuleBranch {
  readonly comparison: Comparison;
  /** The `if` condition, or null. */
  readonly condition: Condition | null;
  readonly fromYear: number | null;
  readonly untilYear: number | null;
  /** True when the branch holds for every unit and year (no guard, or `otherwise`). */
  readonly unconditional: boolean;
  /** True when the condition mentions the commune group (undecidable for a unit without one). */
  readonly needsGroup: boolean;
  /** The branch as written, e.g. `>= 50 if EM_MTN_ISL`. */
  readonly text: string;
}

export interface ThresholdRule {
  readonly text: string;
  readonly branches: readonly RuleBranch[];
}

/** The concrete threshold that applied to one unit in one year. */
export interface AppliedThreshold {
  readonly operator: ThresholdOperator;
  readonly target: ThresholdTarget;
  /** Human readable, e.g. `≥ 80%`, `≤ 13%`, `= true`, `∈ {A, B}`. */
  readonly description: string;
  /** The branch of the rule that applied, as written, e.g. `>= 50 if EM_MTN_ISL`. */
  readonly branchText: string;
}

/** A rule that cannot be parsed. `position` is the 0-based character index in `rule`. */
export class RuleParseError extends Error {
  constructor(
    readonly rule: string,
    readonly position: number,
    readonly reason: string,
  ) {
    super(`invalid threshold rule "${rule}" at character ${position + 1}: ${reason}`);
    this.name = 'RuleParseError';
  }
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

type TokenKind = 'number' | 'word' | 'string' | 'op' | 'punct' | 'percent' | 'end';
interface Token {
  kind: TokenKind;
  /** For words: the text as written; for ops: the canonical operator. */
  text: string;
  /** Lower-cased word text, for keyword matching. */
  lower: string;
  value: number;
  pos: number;
  /** End (exclusive) of the token in the rule text. */
  end: number;
}

const OPERATOR_CANONICAL: Record<string, string> = {
  '>=': '>=',
  '≥': '>=',
  '<=': '<=',
  '≤': '<=',
  '>': '>',
  '<': '<',
  '=': '=',
  '==': '=',
  '!=': '!=',
  '≠': '!=',
};

function isWordStart(ch: string): boolean {
  return /[\p{L}_]/u.test(ch);
}
function isWordPart(ch: string): boolean {
  return /[\p{L}\p{N}_-]/u.test(ch);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, t: string, pos: number, value = 0): void => {
    tokens.push({ kind, text: t, lower: t.toLowerCase(), value, pos, end: i });
  };
  while (i < text.length) {
    const ch = text[i];
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(ch) || ((ch === '-' || ch === '+') && /[0-9]/.test(text[i + 1] ?? ''))) {
      i++;
      while (i < text.length && /[0-9]/.test(text[i])) i++;
      if (text[i] === '.' && /[0-9]/.test(text[i + 1] ?? '')) {
        i++;
        while (i < text.length && /[0-9]/.test(text[i])) i++;
      }
      if (i < text.length && isWordPart(text[i])) {
        throw new RuleParseError(text, start, `malformed number "${text.slice(start, i + 1)}"`);
      }
      push('number', text.slice(start, i), start, Number(text.slice(start, i)));
      continue;
    }
    if (isWordStart(ch)) {
      i++;
      while (i < text.length && isWordPart(text[i])) i++;
      push('word', text.slice(start, i), start);
      continue;
    }
    if (ch === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i++;
      if (i >= text.length) throw new RuleParseError(text, start, 'unterminated quoted text');
      const inner = text.slice(start + 1, i).trim();
      if (inner === '') throw new RuleParseError(text, start, 'empty quoted text');
      i++;
      push('string', inner, start);
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '>=' || two === '<=' || two === '!=' || two === '==') {
      i += 2;
      push('op', OPERATOR_CANONICAL[two], start);
      continue;
    }
    if (ch === '>' || ch === '<' || ch === '=' || ch === '≥' || ch === '≤' || ch === '≠') {
      i++;
      push('op', OPERATOR_CANONICAL[ch], start);
      continue;
    }
    if ('{},;()'.includes(ch)) {
      i++;
      push('punct', ch, start);
      continue;
    }
    if (ch === '%') {
      i++;
      push('percent', '%', start);
      continue;
    }
    throw new RuleParseError(text, start, `unexpected character "${ch}"`);
  }
  tokens.push({ kind: 'end', text: '', lower: '', value: 0, pos: text.length, end: text.length });
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Parser

const FLAGS: Record<string, Flag> = { em: 'EM', mtn: 'MTN', isl: 'ISL', em_mtn_isl: 'EM_MTN_ISL' };
const BRANCH_END_WORDS = new Set(['else', 'otherwise', 'if', 'from', 'until']);

class Parser {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  private get tok(): Token {
    return this.tokens[this.i];
  }
  private next(): Token {
    return this.tokens[this.i++];
  }
  private fail(reason: string, token: Token = this.tok): never {
    throw new RuleParseError(this.text, token.pos, reason);
  }
  private describe(token: Token): string {
    return token.kind === 'end' ? 'end of rule' : `'${this.text.slice(token.pos, token.end)}'`;
  }
  private atEnd(): boolean {
    return this.tok.kind === 'end';
  }
  private isWord(word: string): boolean {
    return this.tok.kind === 'word' && this.tok.lower === word;
  }
  private isPunct(p: string): boolean {
    return this.tok.kind === 'punct' && this.tok.text === p;
  }
  private expectPunct(p: string, what: string): void {
    if (!this.isPunct(p)) this.fail(`expected "${p}" ${what}, found ${this.describe(this.tok)}`);
    this.i++;
  }

  parseRule(): ThresholdRule {
    if (this.atEnd()) this.fail('empty rule');
    const branches: RuleBranch[] = [];
    for (;;) {
      const branch = this.parseBranch();
      const previous = branches[branches.length - 1];
      if (previous && previous.unconditional) {
        throw new RuleParseError(this.text, this.branchStart, `unreachable branch "${branch.text}": the branch before it has no condition`);
      }
      branches.push(branch);
      if (this.atEnd()) break;
      if (this.isPunct(';')) {
        this.i++;
        if (this.atEnd()) break; // trailing ";"
        continue;
      }
      if (this.isWord('else')) {
        if (branch.unconditional) this.fail('"else" must follow a conditional branch (e.g. ">= 50 if EM_MTN_ISL else >= 80")');
        this.i++;
        if (this.atEnd()) this.fail('expected a comparison after "else", found end of rule');
        continue;
      }
      this.fail(`expected ";", "else" or end of rule, found ${this.describe(this.tok)}`);
    }
    return { text: this.text, branches };
  }

  private branchStart = 0;

  private parseBranch(): RuleBranch {
    this.branchStart = this.tok.pos;
    const comparison = this.parseComparison();
    let condition: Condition | null = null;
    let fromYear: number | null = null;
    let untilYear: number | null = null;
    let otherwise = false;
    let guarded = false;
    for (;;) {
      if (this.isWord('otherwise')) {
        if (guarded) this.fail('"otherwise" cannot be combined with a condition');
        this.i++;
        otherwise = true;
        break;
      }
      if (this.isWord('if')) {
        if (condition) this.fail('a branch can have only one "if" (combine conditions with "and")');
        this.i++;
        condition = this.parseCondition();
        guarded = true;
        continue;
      }
      if (this.isWord('from') || this.isWord('until')) {
        const keyword = this.next();
        const year = this.parseYear(`after "${keyword.lower}"`);
        if (keyword.lower === 'from') {
          if (fromYear !== null) this.fail('a branch can have only one "from"', keyword);
          fromYear = year;
        } else {
          if (untilYear !== null) this.fail('a branch can have only one "until"', keyword);
          untilYear = year;
        }
        if (fromYear !== null && untilYear !== null && fromYear > untilYear) {
          this.fail(`"from ${fromYear}" is after "until ${untilYear}"`, keyword);
        }
        guarded = true;
        continue;
      }
      break;
    }
    const end = this.tok.pos;
    return {
      comparison,
      condition,
      fromYear,
      untilYear,
      unconditional: otherwise || !guarded,
      needsGroup: condition !== null && mentionsGroup(condition),
      text: this.text.slice(this.branchStart, end).trim(),
    };
  }

  private parseYear(where: string): number {
    const t = this.tok;
    if (t.kind !== 'number') this.fail(`expected a year ${where}, found ${this.describe(t)}`);
    if (!Number.isInteger(t.value) || t.value < 1900 || t.value > 2100) this.fail(`"${t.text}" is not a year (expected an integer 1900–2100)`);
    this.i++;
    return t.value;
  }

  private parseComparison(): Comparison {
    const t = this.tok;
    if (t.kind === 'word' && t.lower === 'in') {
      this.i++;
      return { kind: 'category', operator: 'in', target: this.parseSet('category') };
    }
    if (t.kind !== 'op' || t.text === '!=') {
      this.fail(`expected a comparison (">=", ">", "<=", "<", "=" or "in"), found ${this.describe(t)}`);
    }
    this.i++;
    const operator = t.text as NumericOperator;
    const v = this.tok;
    if (v.kind === 'number') {
      this.i++;
      let percentSign = false;
      if (this.tok.kind === 'percent') {
        percentSign = true;
        this.i++;
      }
      return { kind: 'number', operator, target: v.value, percentSign };
    }
    if (operator !== '=') this.fail(`expected a number after ${this.describe(t)}, found ${this.describe(v)}`, v);
    if (v.kind === 'word' && (v.lower === 'true' || v.lower === 'false')) {
      this.i++;
      return { kind: 'boolean', operator: '=', target: v.lower === 'true' };
    }
    if ((v.kind === 'word' && !BRANCH_END_WORDS.has(v.lower)) || v.kind === 'string') {
      this.i++;
      return { kind: 'category', operator: '=', target: v.text };
    }
    this.fail(`expected a number, true, false or a category after "=", found ${this.describe(v)}`, v);
  }

  /** `{ a, b, c }` of categories or regions. */
  private parseSet(what: 'category' | 'region'): string[] {
    this.expectPunct('{', what === 'category' ? 'after "in"' : 'after "region in"');
    const items: string[] = [];
    for (;;) {
      const t = this.tok;
      if (t.kind === 'word' || t.kind === 'string' || (what === 'category' && t.kind === 'number')) {
        this.i++;
        if (what === 'region') {
          const code = t.text.toUpperCase();
          if (!isRegion(code)) this.fail(`unknown region "${t.text}" (expected one of TDMNPB, DBSH, BTB, DHNTB, TN, DNB, DBSCL)`, t);
          items.push(code);
        } else {
          items.push(t.text);
        }
      } else {
        this.fail(`expected a ${what} in "{…}", found ${this.describe(t)}`);
      }
      if (this.isPunct(',')) {
        this.i++;
        continue;
      }
      this.expectPunct('}', `to close the ${what} list`);
      return items;
    }
  }

  private parseCondition(): Condition {
    const operands = [this.parseAnd()];
    while (this.isWord('or')) {
      this.i++;
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? operands[0] : { kind: 'or', operands };
  }

  private parseAnd(): Condition {
    const operands = [this.parseUnary()];
    while (this.isWord('and')) {
      this.i++;
      operands.push(this.parseUnary());
    }
    return operands.length === 1 ? operands[0] : { kind: 'and', operands };
  }

  private parseUnary(): Condition {
    if (this.isWord('not')) {
      this.i++;
      return { kind: 'not', operand: this.parseUnary() };
    }
    if (this.isPunct('(')) {
      this.i++;
      const inner = this.parseCondition();
      this.expectPunct(')', 'to close "("');
      return inner;
    }
    return this.parseAtom();
  }

  private parseAtom(): Condition {
    const t = this.tok;
    if (t.kind !== 'word') this.fail(`expected a condition (EM, MTN, ISL, EM_MTN_ISL, region…, group…, year…), found ${this.describe(t)}`);
    const flag = FLAGS[t.lower];
    if (flag) {
      this.i++;
      return { kind: 'flag', flag };
    }
    if (t.lower === 'region') {
      this.i++;
      const op = this.tok;
      if (op.kind === 'word' && op.lower === 'in') {
        this.i++;
        return { kind: 'region', regions: this.parseSet('region') as Region[], negated: false };
      }
      if (op.kind !== 'op' || (op.text !== '=' && op.text !== '!='))
        this.fail(`expected "=", "!=" or "in" after "region", found ${this.describe(op)}`);
      this.i++;
      const r = this.tok;
      const code = r.text.toUpperCase();
      if (r.kind !== 'word' || !isRegion(code)) {
        this.fail(`expected a region code (TDMNPB, DBSH, BTB, DHNTB, TN, DNB, DBSCL), found ${this.describe(r)}`);
      }
      this.i++;
      return { kind: 'region', regions: [code], negated: op.text === '!=' };
    }
    if (t.lower === 'group') {
      this.i++;
      const op = this.tok;
      if (op.kind === 'word' && op.lower === 'in') {
        this.i++;
        return { kind: 'group', groups: this.parseGroupSet(), negated: false };
      }
      if (op.kind !== 'op' || (op.text !== '=' && op.text !== '!='))
        this.fail(`expected "=", "!=" or "in" after "group", found ${this.describe(op)}`);
      this.i++;
      return { kind: 'group', groups: [this.parseGroup()], negated: op.text === '!=' };
    }
    if (t.lower === 'year') {
      this.i++;
      const op = this.tok;
      if (op.kind !== 'op') this.fail(`expected a comparison after "year", found ${this.describe(op)}`);
      this.i++;
      const year = this.parseYear(`after "year ${this.text.slice(op.pos, op.end)}"`);
      return { kind: 'year', operator: op.text as NumericOperator | '!=', year };
    }
    this.fail(`unknown condition "${t.text}" (expected EM, MTN, ISL, EM_MTN_ISL, region…, group… or year…)`);
  }

  private parseGroup(): CommuneGroup {
    const g = this.tok;
    if (g.kind !== 'number' || !isCommuneGroup(g.value)) this.fail(`expected a commune group 1, 2 or 3, found ${this.describe(g)}`);
    this.i++;
    return g.value;
  }

  /** `{ 1, 2 }` of commune groups. */
  private parseGroupSet(): CommuneGroup[] {
    this.expectPunct('{', 'after "group in"');
    const items: CommuneGroup[] = [this.parseGroup()];
    while (this.isPunct(',')) {
      this.i++;
      items.push(this.parseGroup());
    }
    this.expectPunct('}', 'to close the group list');
    return items;
  }
}

function mentionsGroup(c: Condition): boolean {
  switch (c.kind) {
    case 'group':
      return true;
    case 'not':
      return mentionsGroup(c.operand);
    case 'and':
    case 'or':
      return c.operands.some(mentionsGroup);
    default:
      return false;
  }
}

/** Parses a rule; throws RuleParseError naming the rule text and the character position. */
export function parseThresholdRule(text: string): ThresholdRule {
  const parser = new Parser(text, tokenize(text));
  return parser.parseRule();
}

// ---------------------------------------------------------------------------------------------
// Evaluation

function compareNumbers(value: number, operator: NumericOperator | '!=', target: number): boolean {
  switch (operator) {
    case '>=':
      return value >= target;
    case '>':
      return value > target;
    case '<=':
      return value <= target;
    case '<':
      return value < target;
    case '=':
      return value === target;
    case '!=':
      return value !== target;
  }
}

export function conditionHolds(condition: Condition, unit: UnitAttributes, year: number): boolean {
  switch (condition.kind) {
    case 'flag':
      switch (condition.flag) {
        case 'EM':
          return unit.ethnicMinorityArea;
        case 'MTN':
          return unit.mountainous;
        case 'ISL':
          return unit.island;
        case 'EM_MTN_ISL':
          return unit.ethnicMinorityArea || unit.mountainous || unit.island;
      }
      break;
    case 'region':
      if (unit.region === null) return false;
      return condition.regions.includes(unit.region) !== condition.negated;
    case 'year':
      return compareNumbers(year, condition.operator, condition.year);
    case 'group': {
      // Callers decide undecidable branches first (selectBranchOutcome); here an unknown group is false.
      const g = unit.communeGroup;
      if (g === null || g === undefined) return false;
      return condition.groups.includes(g) !== condition.negated;
    }
    case 'not':
      return !conditionHolds(condition.operand, unit, year);
    case 'and':
      return condition.operands.every((c) => conditionHolds(c, unit, year));
    case 'or':
      return condition.operands.some((c) => conditionHolds(c, unit, year));
  }
  return false;
}

/**
 * Why no branch applies: NO_BRANCH = every guard failed (no requirement for this unit and year);
 * NO_COMMUNE_GROUP = a branch tried before any applied needs the commune group, which the unit
 * does not have (the requirement is unknown, not absent).
 */
export type NoBranchReason = 'NO_BRANCH' | 'NO_COMMUNE_GROUP';

const NO_BRANCH = Object.freeze({ branch: null, missing: 'NO_BRANCH' as const });
const NO_GROUP = Object.freeze({ branch: null, missing: 'NO_COMMUNE_GROUP' as const });

/** The branch that applies, or why none does (see NoBranchReason). */
export function selectBranchOutcome(
  rule: ThresholdRule,
  unit: UnitAttributes,
  year: number,
): { readonly branch: RuleBranch; readonly missing: null } | { readonly branch: null; readonly missing: NoBranchReason } {
  for (const branch of rule.branches) {
    if (branch.unconditional) return { branch, missing: null };
    if (branch.fromYear !== null && year < branch.fromYear) continue;
    if (branch.untilYear !== null && year > branch.untilYear) continue;
    if (branch.condition !== null) {
      if (branch.needsGroup && (unit.communeGroup === null || unit.communeGroup === undefined)) return NO_GROUP;
      if (!conditionHolds(branch.condition, unit, year)) continue;
    }
    return { branch, missing: null };
  }
  return NO_BRANCH;
}

/**
 * The branch that applies to this unit and year (no allocation), or null when none does —
 * including when the rule needs a commune group the unit lacks (use `selectBranchOutcome` to
 * tell the two apart).
 */
export function selectBranch(rule: ThresholdRule, unit: UnitAttributes, year: number): RuleBranch | null {
  for (const branch of rule.branches) {
    if (branch.unconditional) return branch;
    if (branch.fromYear !== null && year < branch.fromYear) continue;
    if (branch.untilYear !== null && year > branch.untilYear) continue;
    if (branch.condition !== null) {
      if (branch.needsGroup && (unit.communeGroup === null || unit.communeGroup === undefined)) return null;
      if (!conditionHolds(branch.condition, unit, year)) continue;
    }
    return branch;
  }
  return null;
}

/** Does any branch of the rule depend on the commune group? */
export function ruleNeedsGroup(rule: ThresholdRule): boolean {
  return rule.branches.some((b) => b.needsGroup);
}

const OPERATOR_SYMBOL: Record<ThresholdOperator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=', in: '∈' };

/** Shortest exact decimal text of a number: 80 → "80", 2.5 → "2.5". */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

/** Human-readable threshold, e.g. `≥ 80%`, `≥ 39 million VND/person/year`, `= true`, `∈ {A, B}`. */
export function describeComparison(comparison: Comparison, unit?: string | null): string {
  const symbol = OPERATOR_SYMBOL[comparison.operator];
  switch (comparison.kind) {
    case 'number': {
      const u = unit === '%' || (!unit && comparison.percentSign) ? '%' : unit ? ` ${unit}` : '';
      return `${symbol} ${formatNumber(comparison.target)}${u}`;
    }
    case 'boolean':
      return `= ${comparison.target}`;
    case 'category':
      return comparison.operator === 'in' ? `∈ {${comparison.target.join(', ')}}` : `= ${comparison.target}`;
  }
}

/**
 * The concrete threshold for a unit and year, or null when no branch applies (e.g.
 * `>= 45 from 2024` in 2022). `unit` is the indicator's unit of measure, used in the description.
 */
export function evaluateThresholdRule(
  rule: ThresholdRule,
  unit: UnitAttributes,
  year: number,
  unitOfMeasure?: string | null,
): AppliedThreshold | null {
  const branch = selectBranch(rule, unit, year);
  if (!branch) return null;
  const c = branch.comparison;
  return { operator: c.operator, target: c.target, description: describeComparison(c, unitOfMeasure), branchText: branch.text };
}

function sameCategory(a: string, b: string): boolean {
  return a === b || a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
}

/** Does a normalised value satisfy a comparison? A value of the wrong kind never does. */
export function satisfies(comparison: Comparison, value: boolean | number | string): boolean {
  switch (comparison.kind) {
    case 'number':
      return typeof value === 'number' && compareNumbers(value, comparison.operator, comparison.target);
    case 'boolean':
      return value === comparison.target;
    case 'category':
      if (typeof value !== 'string') return false;
      return comparison.operator === 'in' ? comparison.target.some((t) => sameCategory(t, value)) : sameCategory(comparison.target, value);
  }
}

/**
 * Distance from a numeric value to attainment, ≥ 0: for ≥/> how far below the target, for ≤/<
 * how far above it, for = the absolute difference. 0 when the value satisfies the comparison.
 * For strict operators a value on the boundary is not met but its gap is 0 (the boundary itself
 * is the distance measured). Null for boolean and category comparisons.
 */
export function numericGap(comparison: Comparison, value: number): number | null {
  if (comparison.kind !== 'number') return null;
  if (compareNumbers(value, comparison.operator, comparison.target)) return 0;
  const t = comparison.target;
  let gap: number;
  switch (comparison.operator) {
    case '>=':
    case '>':
      gap = t - value;
      break;
    case '<=':
    case '<':
      gap = value - t;
      break;
    case '=':
      gap = Math.abs(value - t);
      break;
  }
  return Math.round(Math.max(0, gap) * 1e6) / 1e6;
}

/**
 * Checks that every branch of a rule fits the indicator's value type: BOOLEAN needs `= true|false`;
 * PERCENTAGE a numeric comparison with a target in 0..100; NUMBER a numeric comparison without
 * "%"; CATEGORY `= X` or `in {…}` with targets among `allowedValues` when those are given.
 * Returns the first problem, or null.
 */
export function checkRuleForValueType(rule: ThresholdRule, valueType: ValueType, allowedValues?: readonly string[] | null): string | null {
  for (const branch of rule.branches) {
    const c = branch.comparison;
    const where = rule.branches.length > 1 ? ` (branch "${branch.text}")` : '';
    switch (valueType) {
      case 'BOOLEAN':
        if (c.kind !== 'boolean') return `a BOOLEAN indicator needs "= true" or "= false"${where}`;
        break;
      case 'PERCENTAGE':
        if (c.kind !== 'number') return `a PERCENTAGE indicator needs a numeric comparison such as ">= 80"${where}`;
        if (c.target < 0 || c.target > 100) return `percentage target ${formatNumber(c.target)} is outside 0..100${where}`;
        break;
      case 'NUMBER':
        if (c.kind !== 'number') return `a NUMBER indicator needs a numeric comparison such as ">= 39"${where}`;
        if (c.percentSign) return `"%" is only for PERCENTAGE indicators${where}`;
        break;
      case 'CATEGORY': {
        if (c.kind !== 'category') return `a CATEGORY indicator needs "= X" or "in {A,B}"${where}`;
        if (allowedValues && allowedValues.length > 0) {
          const targets = c.operator === 'in' ? c.target : [c.target];
          for (const t of targets) {
            if (!allowedValues.some((a) => sameCategory(a, t)))
              return `category "${t}" is not among the allowed values {${allowedValues.join(', ')}}${where}`;
          }
        }
        break;
      }
    }
  }
  return null;
}
