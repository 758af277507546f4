import { randomUUID } from 'node:crypto';

/** Ids a caller may choose: short, printable, safe in a log line and a forwarded header. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request id for one request: the caller's `x-request-id` when it looks like an id (so one
 * request can be followed from the gateway into every subgraph), else a fresh UUID.
 */
export function requestIdFrom(header: string | string[] | undefined, generate: () => string = randomUUID): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && REQUEST_ID.test(value) ? value : generate();
}
