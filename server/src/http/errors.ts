import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  AppError,
  ERROR_MESSAGES,
  ERROR_STATUS,
  describeZodError,
  type ErrorBody,
  type ErrorCode,
} from '@casusbord/shared';
import { rawErrorResponse } from './rawReply';

/** Fastify's own error codes for bad requests, mapped to our catalogue. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_ERR_VALIDATION: 'validation_failed',
};

/** What the client is told for a mapped Fastify code: the catalogue's words, or that the body was not valid JSON. */
function fastifyMessage(code: ErrorCode): string {
  return code === 'payload_too_large' || code === 'unsupported_media_type'
    ? ERROR_MESSAGES[code]
    : 'The request body is not valid JSON';
}

/** The 4xx statuses of other errors (from plugins, e.g. @fastify/static) that have a code in the catalogue. */
const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  408: 'request_timeout',
  412: 'precondition_failed',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  416: 'range_not_satisfiable',
  429: 'rate_limited',
  431: 'headers_too_large',
};

/** A body, query or params checked by its schema; a mismatch is `400 validation_failed` saying what. */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new AppError('validation_failed', describeZodError(result.error));
  return result.data;
}

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

/**
 * One error handler for the whole app: known errors keep their code and a 4xx status; anything
 * unexpected is logged and answered with a generic 500 without a stack trace.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send(errorBody(err.code, err.message));
    }
    const fastifyCode = 'code' in err && typeof err.code === 'string' ? FASTIFY_CODES[err.code] : undefined;
    if (fastifyCode) {
      return reply.status(ERROR_STATUS[fastifyCode]).send(errorBody(fastifyCode, fastifyMessage(fastifyCode)));
    }
    const status = 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 400 && status < 500) {
      // Every status sent is one of the catalogue's; any other 4xx becomes a 400.
      const code = STATUS_CODES[status] ?? 'bad_request';
      return reply.status(ERROR_STATUS[code]).send(errorBody(code, err.message));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody('internal', ERROR_MESSAGES.internal));
  });
}

/**
 * Fastify's `frameworkErrors` option: the router's refusals before any route runs, in the
 * contract's shape instead of Fastify's own `{ error, code, statusCode }`. The messages do not
 * repeat the path (it may hold a report token).
 */
export function frameworkErrors(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply.status(414).send(errorBody('uri_too_long', 'A path segment is over 100 characters'));
  } else if (err.code === 'FST_ERR_BAD_URL') {
    void reply.status(400).send(errorBody('bad_request', 'The path is not valid percent-encoded UTF-8'));
  } else {
    void reply.status(400).send(errorBody('bad_request', 'The request could not be routed'));
  }
}

/**
 * Fastify's `clientErrorHandler`: requests Node's HTTP parser refuses (a NUL in the request line,
 * headers over 16 KiB, a client too slow to send its headers) get the contract's body too.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message]: [number, ErrorCode, string] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', 'The request headers are over 16 KiB']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', ERROR_MESSAGES.request_timeout]
        : [400, 'bad_request', 'The request is not valid HTTP/1.1'];
  // As Node does: no answer on a connection that already carried one (it would be misread).
  if (socket.writable && socket.bytesWritten === 0) socket.write(rawErrorResponse(status, code, message));
  socket.destroy();
}
