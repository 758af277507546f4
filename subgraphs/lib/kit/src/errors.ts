import { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger';

/**
 * Errors a client may see. Anything else is masked: clients never receive stack traces, SQL,
 * or internal URLs; the original is logged with the request id instead.
 */
export function userInputError(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extensions } });
}

/** One bad row of a batch: which row (0-based, in input order), which field, and why. */
export interface RowError {
  row: number;
  field: string;
  reason: string;
}

const SAFE_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'QUERY_TOO_COMPLEX',
]);

/** Apollo `formatError`: keeps client errors as they are, replaces everything else with a generic one. */
export function maskErrors(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    if (code && SAFE_CODES.has(code)) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    logger.error('internal error', {
      path: formatted.path,
      error: original instanceof Error ? original.message : typeof original === 'object' ? JSON.stringify(original) : String(original),
      stack: original instanceof Error ? original.stack : undefined,
    });
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
