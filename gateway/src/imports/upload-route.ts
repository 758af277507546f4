import multipart from '@fastify/multipart';
import { httpErrorBody, IDENTITY_HEADER, type Logger, type User } from '@ntm/kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import type { Authenticator } from '../auth';

/** Largest file accepted (bytes). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/**
 * Who is uploading: the headers to forward to the criteria subgraph (the signed identity), or null
 * for an anonymous caller or a bad token (answered 401).
 */
export type UploadAuthenticator = (request: FastifyRequest) => Promise<Record<string, string> | null>;

/** The gateway's sign-in applied to an upload: the bearer token verified, the identity forwarded as to every subgraph. */
export function importAuthenticator(auth: Pick<Authenticator, 'authenticate' | 'forward'>): UploadAuthenticator {
  return async (request) => {
    let user: User | null;
    try {
      user = await auth.authenticate(request.headers.authorization);
    } catch {
      return null;
    }
    return user ? { [IDENTITY_HEADER]: await auth.forward(user) } : null;
  };
}

/** The criteria subgraph's upload endpoint, from its GraphQL URL: ".../graphql" → ".../imports". */
export function importsUrlOf(graphqlUrl: string): string {
  const url = new URL(graphqlUrl);
  url.pathname = url.pathname.replace(/\/graphql\/?$/, '') + '/imports';
  url.search = '';
  return url.toString();
}

const ALLOWED_FIELDS = new Set(['source', 'year', 'strategy', 'mapping', 'within']);

interface UploadOptions {
  /** The criteria subgraph's GraphQL URL. */
  criteriaUrl: string;
  authenticate: UploadAuthenticator;
  logger?: Logger;
}

/** Streams the file to the criteria subgraph and resolves with its status and JSON body. */
function forward(target: string, file: Readable, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const url = new URL(target);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked', ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            /* not JSON: passed on as text */
          }
          resolve({ status: res.statusCode ?? 502, body });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    file.on('error', (error) => req.destroy(error));
    file.pipe(req);
  });
}

const forwardedIdentityHeaders = (headers: Record<string, string>, incoming: IncomingHttpHeaders): Record<string, string> => {
  const out = { ...headers };
  const requestId = incoming['x-request-id'];
  if (typeof requestId === 'string') out['x-request-id'] = requestId;
  return out;
};

/**
 * `POST /imports` on the gateway: a multipart upload (field `file`; options `source`, `year`,
 * `strategy`, `mapping`, `within` as fields before the file or as query parameters) streamed on to the
 * criteria subgraph, which answers 202 `{ id }` and runs the dry run in the background.
 * Anonymous callers get 401, files over 50 MB 413; the file is never held whole in memory.
 */
export async function registerImportRoutes(app: FastifyInstance, options: UploadOptions): Promise<void> {
  const { authenticate } = options;
  const target = importsUrlOf(options.criteriaUrl);
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 64 * 1024, parts: 12 } });
    scope.post('/imports', async (request, reply) => {
      const identity = await authenticate(request);
      if (!identity)
        return reply
          .code(401)
          .send(httpErrorBody('uploading a file needs a signed-in user with a valid token: send "Authorization: Bearer <token>"', 'UNAUTHENTICATED'));
      if (!request.isMultipart())
        return reply.code(400).send(httpErrorBody('send the file as multipart/form-data in the field "file"', 'BAD_USER_INPUT'));
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
        if (ALLOWED_FIELDS.has(key) && typeof value === 'string') params.set(key, value);
      }
      // Fields come before the file in the form; the file is streamed on as soon as it starts.
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          if (ALLOWED_FIELDS.has(part.fieldname)) params.set(part.fieldname, String(part.value));
          continue;
        }
        if (part.fieldname !== 'file') {
          part.file.resume();
          continue;
        }
        const headers = forwardedIdentityHeaders(identity, request.headers);
        headers['x-ntm-file-name'] = encodeURIComponent(part.filename || 'upload');
        const query = params.toString();
        let tooLarge = false;
        part.file.on('limit', () => {
          tooLarge = true;
          part.file.destroy(new Error('file too large'));
        });
        try {
          const answer = await forward(query ? `${target}?${query}` : target, part.file, headers);
          if (tooLarge || part.file.truncated)
            return reply.code(413).send(httpErrorBody(`the file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`, 'BAD_REQUEST'));
          return reply.code(answer.status).send(answer.body);
        } catch (error) {
          if (tooLarge) return reply.code(413).send(httpErrorBody(`the file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`, 'BAD_REQUEST'));
          options.logger?.error('import upload could not be forwarded', { requestId: request.id, message: (error as Error).message });
          return reply.code(502).send(httpErrorBody('the import service did not answer', 'INTERNAL_SERVER_ERROR'));
        }
      }
      return reply.code(400).send(httpErrorBody('no file: send it in the multipart field "file"', 'BAD_USER_INPUT'));
    });
  });
}
