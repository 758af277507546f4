import 'reflect-metadata';
import { ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { userInputError } from '../errors';

/** Relay page info. */
@ObjectType({ description: 'Where a page sits in its connection (Relay cursor pagination).' })
@Directive('@shareable')
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of this page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  totalCount: number;
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** Builds `<Name>Edge` and `<Name>Connection` object types for a node type. */
export function connectionTypes<T extends object>(nodeType: ClassType<T>, name: string, nodeDescription: string) {
  @ObjectType(`${name}Edge`, { description: `One ${nodeDescription} in a page, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Opaque cursor of this item; stable across requests.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${nodeDescription}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${nodeDescription}s (Relay connection).` })
  class ConnectionType {
    @Field(() => Int, { description: 'How many items match, over all pages.' })
    totalCount!: number;

    @Field(() => [EdgeType], { description: 'The items of this page, in order.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Paging information.' })
    pageInfo!: PageInfo;
  }
  return { EdgeType, ConnectionType };
}

export const MAX_PAGE_SIZE = 500;

/** Cursors are opaque to clients: base64url of an offset or a sort key. */
export function encodeCursor(value: string | number): string {
  return Buffer.from(String(value), 'utf8').toString('base64url');
}

/** Largest offset a cursor may carry (nine digits): far beyond any list, and safe for SQL OFFSET. */
export const MAX_CURSOR_OFFSET = 999_999_999;

/**
 * The offset after a cursor of `encodeCursor(offset)`. Strict, so a foreign cursor can never be
 * read as some other position: the text must be canonical base64url (what encodeCursor gives,
 * not merely something Node's lenient decoder accepts) of a plain decimal integer 0 … 999,999,999
 * ("1e300", "", " 5", "1.0" and garbage are refused, never read as 0 or as a huge SQL offset).
 */
export function decodeOffsetCursor(cursor: string | null | undefined, field = 'after'): number {
  if (cursor == null) return 0;
  const text = /^[A-Za-z0-9_-]{1,16}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!/^(0|[1-9][0-9]{0,8})$/.test(text) || encodeCursor(text) !== cursor) {
    throw userInputError(`${field}: not a cursor of this connection (pass a cursor from edges or pageInfo, or leave it out)`, { field });
  }
  return Number(text) + 1;
}

export function checkPageSize(first: number, field = 'first'): number {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw userInputError(`${field} must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, { field });
  }
  return first;
}

/** Builds a connection from one page of rows fetched at `offset` with limit `first + 1`. */
export function offsetConnection<T>(rows: T[], offset: number, first: number, totalCount: number): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    totalCount,
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
