import type { ApolloServerOptions, ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext } from 'graphql';
import { GraphQLError as Error400, type DocumentNode } from 'graphql';
import { checkDocumentStrings, checkVariables, type InputProblem } from './input-checks';
import { operationCost } from './query-cost';

/**
 * Every limit the gateway enforces on one request, each with an explicit default (env variable in
 * brackets, read in env.ts). Defaults are chosen so every query of the README and the e2e suite
 * passes, including `first: 500` pages and 63 provinces × `children(first: 500)`.
 */
export interface GatewayLimits {
  /** Deepest nesting of fields; a fragment spread counts as a level (MAX_DEPTH, default 15). */
  maxDepth: number;
  /** Most aliases in one operation, against alias amplification (MAX_ALIASES, default 50). */
  maxAliases: number;
  /** Most directives in one operation (MAX_DIRECTIVES, default 50). */
  maxDirectives: number;
  /** Most lexical tokens in one document, checked while parsing (MAX_TOKENS, default 5,000). */
  maxTokens: number;
  /** Highest estimated cost, `first`/`last` multiplying what is under them (MAX_COST, default 1,000,000). */
  maxCost: number;
  /** Longest string literal or string variable, in characters (MAX_STRING_LENGTH, default 10,000). */
  maxStringLength: number;
  /** Largest variables object, in characters of JSON (MAX_VARIABLES_SIZE, default 2,000,000). */
  maxVariablesSize: number;
}

export const DEFAULT_LIMITS: GatewayLimits = {
  maxDepth: 15,
  maxAliases: 50,
  maxDirectives: 50,
  maxTokens: 5_000,
  maxCost: 1_000_000,
  maxStringLength: 10_000,
  maxVariablesSize: 2_000_000,
};

const LIMIT_CODE = 'QUERY_TOO_COMPLEX';
const tooComplex = (message: string) => new Error400(message, { extensions: { code: LIMIT_CODE, http: { status: 400 } } });
const badInput = (p: InputProblem) =>
  new Error400(`${p.field}: ${p.reason}`, { extensions: { code: 'BAD_USER_INPUT', field: p.field, http: { status: 400 } } });

/** Armor's limit messages, which it prefixes with "Syntax Error:"; recoded to QUERY_TOO_COMPLEX below. */
const ARMOR_MESSAGE = /^Syntax Error: (Query depth limit|Aliases limit|Directives limit|Token limit)/;

/** Report an Armor rejection into the validation context (the default propagation throws). */
const report = (ctx: ValidationContext | null, error: GraphQLError) => ctx?.reportError(error);

/**
 * Apollo Server options and plugins that enforce `limits`:
 * - GraphQL Armor's depth, alias and directive rules (validation rules, memoised per fragment, so
 *   fragment bombs are measured in linear time; cached by Apollo per document);
 * - graphql-js's own `maxTokens` parse option instead of Armor's token plugin: Armor's re-parses
 *   every document a second time and its error escapes as HTTP 500;
 * - our list-multiplying cost limit (see query-cost.ts for why not Armor's);
 * - NUL characters and string/variable sizes, refused with HTTP 400 before any subgraph is called;
 * - recoding: Armor's rejections answer QUERY_TOO_COMPLEX, and Apollo's own APQ errors without a
 *   code (wrong hash, unsupported version) answer BAD_REQUEST instead of being masked as internal.
 */
export function limitsOptions(
  limits: GatewayLimits,
): Pick<ApolloServerOptions<BaseContext>, 'validationRules' | 'parseOptions'> & { plugins: ApolloServerPlugin[] } {
  const armor = new ApolloArmor({
    maxDepth: {
      enabled: true,
      n: limits.maxDepth,
      flattenFragments: false,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [report],
    },
    maxAliases: { enabled: true, n: limits.maxAliases, propagateOnRejection: false, onReject: [report] },
    maxDirectives: { enabled: true, n: limits.maxDirectives, propagateOnRejection: false, onReject: [report] },
    // Tokens: graphql-js's parse option (below). Cost: ours (query-cost.ts).
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    // Not a limit: the schema is public (introspection is on), so suggestions reveal nothing.
    blockFieldSuggestion: { enabled: false },
  }).protect();

  const documentChecks = new WeakMap<DocumentNode, InputProblem | null>();
  const limitsPlugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          let literal = documentChecks.get(document);
          if (literal === undefined) documentChecks.set(document, (literal = checkDocumentStrings(document, limits)));
          if (literal) throw badInput(literal);
          const variables = checkVariables(request.variables, limits);
          if (variables) throw badInput(variables);
          if (!operation) return;
          const cost = operationCost(document, operation, request.variables);
          if (cost > limits.maxCost) {
            throw tooComplex(
              `query cost ${cost >= Number.MAX_SAFE_INTEGER ? 'beyond 2^53' : cost.toLocaleString('en')} exceeds the limit of ${limits.maxCost.toLocaleString('en')} (each field costs 1; first/last multiply what is under them)`,
            );
          }
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const extensions = error.extensions as Record<string, unknown> | undefined;
            if (!extensions || typeof extensions !== 'object') continue;
            if (ARMOR_MESSAGE.test(error.message ?? '')) {
              extensions.code = LIMIT_CODE;
              (error as { message: string }).message = error.message.replace(/^Syntax Error: /, '');
            } else if (!extensions.code && (extensions.http as { status?: number } | undefined)?.status === 400) {
              extensions.code = 'BAD_REQUEST';
            }
          }
        },
      };
    },
  };
  return {
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    plugins: [...armor.plugins, limitsPlugin],
  };
}
