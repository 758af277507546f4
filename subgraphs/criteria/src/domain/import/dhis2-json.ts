/**
 * DHIS2 `dataValueSets` JSON as import rows (the format of `GET /exports/indicator-values?format=dhis2`
 * and of DHIS2's own `/api/dataValueSets.json`): `{"dataValues": [{"dataElement", "period",
 * "orgUnit", "value", "comment", …}, …]}` becomes a header row of DHIS2's data-value CSV columns and
 * one row per data value, so the column mapping reads it as it reads DHIS2's CSV (dataElement →
 * indicator, period → year, orgUnit → unit code, value). Top-level `period` and `orgUnit` given
 * before the array are the defaults of values without their own, as DHIS2 reads them.
 *
 * Read incrementally, chunk by chunk: only the data value being read is held (at most
 * MAX_VALUE_CHARS), never the file. Written by hand: a streaming JSON library for one array of
 * flat objects is not worth a dependency.
 */
import { DHIS2_COLUMNS } from './column-mapping';

/** Largest text of one data value object. */
export const MAX_VALUE_CHARS = 64 * 1024;

/** A file that is not a DHIS2 dataValueSets JSON, with the reason. */
export class Dhis2JsonError extends Error {}

const FIELD_OF_COLUMN: Record<string, string> = {
  dataelement: 'dataElement',
  period: 'period',
  orgunit: 'orgUnit',
  catoptcombo: 'categoryOptionCombo',
  attroptcombo: 'attributeOptionCombo',
  value: 'value',
  storedby: 'storedBy',
  lastupdated: 'lastUpdated',
  comment: 'comment',
  followup: 'followup',
};

const cellOf = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * The incremental reader. `push` a chunk of text, get the rows completed by it; `end` checks that
 * the document was whole. The first row returned is the header.
 */
export class Dhis2JsonRows {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Text of the current top-level string (a key or a value), while reading one at depth 1. */
  private token: string | null = null;
  private lastKey: string | null = null;
  private expectingValueOf: string | null = null;
  private inArray = false;
  private arrayDone = false;
  private current: string[] | null = null;
  private currentLength = 0;
  private headerSent = false;
  private started = false;
  private defaults: Record<string, string> = {};
  private values = 0;

  push(chunk: string): string[][] {
    const out: string[][] = [];
    if (!this.headerSent) {
      out.push([...DHIS2_COLUMNS]);
      this.headerSent = true;
    }
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i];
      if (this.current) {
        // Inside a data value object: find its end, minding strings.
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (ch === '\\') this.escaped = true;
          else if (ch === '"') this.inString = false;
        } else if (ch === '"') this.inString = true;
        else if (ch === '{' || ch === '[') this.depth++;
        else if (ch === '}' || ch === ']') {
          this.depth--;
          if (this.depth === 2) {
            this.current.push(chunk.slice(from, i + 1));
            out.push(this.rowOf(this.current.join('')));
            this.current = null;
            continue;
          }
        }
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === '\\') this.escaped = true;
        else if (ch === '"') {
          this.inString = false;
          if (this.token !== null && this.depth === 1) this.stringEnded(JSON.parse(`"${this.token}"`) as string);
          this.token = null;
          continue;
        }
        if (this.token !== null) {
          this.token += ch;
          if (this.token.length > 4096) throw new Dhis2JsonError('a top-level string of the JSON is longer than 4096 characters');
        }
        continue;
      }
      if (/\s/.test(ch)) continue;
      if (!this.started) {
        if (ch === '\uFEFF') continue;
        if (ch !== '{') throw new Dhis2JsonError('not a DHIS2 dataValueSets JSON object (it must start with "{")');
        this.started = true;
        this.depth = 1;
        continue;
      }
      if (ch === '"') {
        this.inString = true;
        this.token = this.depth === 1 ? '' : null;
      } else if (ch === ':') {
        if (this.depth === 1) this.expectingValueOf = this.lastKey;
      } else if (ch === ',') {
        if (this.depth === 1) this.expectingValueOf = null;
      } else if (ch === '[' || ch === '{') {
        if (this.depth === 1 && ch === '[' && this.expectingValueOf === 'dataValues') {
          if (this.inArray || this.arrayDone) throw new Dhis2JsonError('"dataValues" appears twice');
          this.inArray = true;
        } else if (this.depth === 2 && this.inArray && ch === '{') {
          this.depth++;
          this.current = [];
          this.currentLength = 0;
          from = i;
          continue;
        }
        this.depth++;
      } else if (ch === ']' || ch === '}') {
        this.depth--;
        if (this.depth === 1 && this.inArray) {
          this.inArray = false;
          this.arrayDone = true;
        }
        if (this.depth < 0) throw new Dhis2JsonError('unbalanced JSON');
      } else if (this.depth === 2 && this.inArray) {
        throw new Dhis2JsonError(`"dataValues" must hold objects (data value ${this.values + 1} is not one)`);
      }
    }
    if (this.current) {
      const rest = chunk.slice(from);
      this.current.push(rest);
      this.currentLength += rest.length;
      if (this.currentLength > MAX_VALUE_CHARS)
        throw new Dhis2JsonError(`data value ${this.values + 1} is longer than ${MAX_VALUE_CHARS} characters`);
    }
    return out;
  }

  /** Checks that the document ended whole and held a dataValues array. */
  end(): string[][] {
    const out: string[][] = this.headerSent ? [] : [[...DHIS2_COLUMNS]];
    if (!this.started) throw new Dhis2JsonError('the file is empty');
    if (this.current || this.inString || this.depth !== 0) throw new Dhis2JsonError('the JSON ends before it is complete');
    if (!this.arrayDone) throw new Dhis2JsonError('no "dataValues" array in the JSON');
    return out;
  }

  private stringEnded(text: string): void {
    if (this.expectingValueOf === null) {
      this.lastKey = text;
      return;
    }
    // A top-level value: period and orgUnit are defaults for the data values (read before the array).
    if (this.expectingValueOf === 'period' || this.expectingValueOf === 'orgUnit') this.defaults[this.expectingValueOf] = text;
    this.expectingValueOf = null;
  }

  private rowOf(text: string): string[] {
    this.values++;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new Dhis2JsonError(`data value ${this.values} is not valid JSON: ${(error as Error).message}`);
    }
    const value = { ...this.defaults, ...(parsed as Record<string, unknown>) };
    return DHIS2_COLUMNS.map((column) => cellOf(value[FIELD_OF_COLUMN[column]]).trim());
  }
}
