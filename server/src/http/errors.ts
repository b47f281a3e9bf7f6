import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { AppError, ERROR_STATUS, describeZodError, type ErrorBody, type ErrorCode } from '@casusbord/shared';

/** Fastify's own error codes for bad requests, mapped to our catalogue. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_ERR_VALIDATION: 'validation_failed',
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
      const message =
        fastifyCode === 'payload_too_large'
          ? 'The request body is too large'
          : fastifyCode === 'unsupported_media_type'
            ? 'Send the body as application/json'
            : 'The request body is not valid JSON';
      return reply.status(ERROR_STATUS[fastifyCode]).send(errorBody(fastifyCode, message));
    }
    const status = 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send(errorBody('bad_request', err.message));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody('internal', 'Something went wrong on the server'));
  });
}
