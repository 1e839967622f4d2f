import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import type { Role } from '../../../shared/api/accounts.ts';
import { AppError } from '../errors.ts';
import type { OpenApi } from './openapi.ts';
import { parseOrThrow } from './validation.ts';

/** The member making the request, as the session resolved it (see accounts/sessions.ts). */
export interface RequestUser {
  id: string;
  roles: Role[];
  partnerId: string | null;
  /** The member's own zone, when whoever resolved the member read it (sessions do). */
  timeZone?: string | null;
  /**
   * Roles the member holds but may not use on this session: 'admin' while the organisation
   * requires two-factor of admins and this one has not enrolled (accounts/admin-two-factor.ts).
   */
  withheldRoles?: Role[];
}

declare global {
  namespace Express {
    interface Request {
      user?: RequestUser;
    }
  }
}

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/**
 * `auth`: 'public' (anyone), 'user' (signed in), or roles of which the member needs one.
 * Finer rules (owner of the post, staff of this partner) live in the feature's service.
 */
export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  summary: string;
  tag: string;
  auth: 'public' | 'user' | readonly Role[];
  body?: B;
  query?: Q;
  params?: P;
  /** The success body's schema, for the OpenAPI document; omit for non-JSON answers. */
  response?: z.ZodType;
  status?: number;
  /** Content type(s) of a non-JSON answer the handler sends itself (e.g. text/calendar). */
  produces?: string | readonly string[];
  /**
   * Content types of a raw body the handler streams itself (an upload), instead of `body`:
   * nothing parses it first (express.json reads JSON only), so `ctx.req` is still unread.
   */
  consumes?: readonly string[];
  /**
   * 'NOT_FOUND': path parameters that fail their schema answer 404 NOT_FOUND, as an
   * unknown id does. For reads of a thing by its address (`/groups/<anything>`): a link
   * mistyped by one character and a link to something deleted are the same "not found"
   * to the reader, while a 400 would blame what they typed.
   */
  badParams?: 'NOT_FOUND';
}

export interface RouteContext<B, Q, P, U> {
  body: B;
  query: Q;
  params: P;
  user: U;
  req: Request;
  res: Response;
}

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;
type UserOf<A> = A extends 'public' ? RequestUser | undefined : RequestUser;

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

export function requireRole(
  user: RequestUser | undefined,
  allowed: readonly Role[] | 'user',
): RequestUser {
  if (!user) throw new AppError('UNAUTHENTICATED', 'sign in first');
  if (allowed !== 'user' && !allowed.some((role) => user.roles.includes(role))) {
    if (allowed.some((role) => user.withheldRoles?.includes(role)))
      throw new AppError('TWO_FACTOR_REQUIRED', 'enrol in two-factor sign-in first');
    throw new AppError('FORBIDDEN', 'your role does not allow this');
  }
  return user;
}

function parseParams<P extends z.ZodType>(
  spec: { params?: P; badParams?: 'NOT_FOUND' },
  raw: unknown,
): z.infer<P> {
  const schema = spec.params as P;
  if (spec.badParams !== 'NOT_FOUND') return parseOrThrow(schema, raw, 'path');
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'no such thing at this address');
  return parsed.data;
}

/** Defines a route and its OpenAPI entry in one place; the handler gets parsed input only. */
export function apiRoutes(router: Router, openapi: OpenApi, basePath: string) {
  function define<
    A extends RouteSpec<B, Q, P>['auth'],
    B extends z.ZodType = z.ZodUndefined,
    Q extends z.ZodType = z.ZodUndefined,
    P extends z.ZodType = z.ZodUndefined,
  >(
    method: Method,
    path: string,
    spec: RouteSpec<B, Q, P> & { auth: A },
    handler: (
      ctx: RouteContext<Infer<B>, Infer<Q>, Infer<P>, UserOf<A>>,
    ) => Promise<unknown> | unknown,
  ): void {
    const status = spec.status ?? (method === 'post' ? 201 : 200);
    openapi.registry.registerPath({
      method,
      path: toOpenApiPath(`${basePath}${path}`),
      summary: spec.summary,
      tags: [spec.tag],
      ...(spec.auth === 'public' ? {} : { security: [{ session: [] }] }),
      request: {
        ...(spec.params ? { params: spec.params as never } : {}),
        ...(spec.query ? { query: spec.query as never } : {}),
        ...(spec.body ? { body: { content: { 'application/json': { schema: spec.body } } } } : {}),
        ...(spec.consumes
          ? {
              body: {
                required: true,
                content: Object.fromEntries(
                  spec.consumes.map((type) => [
                    type,
                    { schema: { type: 'string' as const, format: 'binary' } },
                  ]),
                ),
              },
            }
          : {}),
      },
      responses: {
        [status]: {
          description: 'Success',
          ...(spec.response ? { content: { 'application/json': { schema: spec.response } } } : {}),
          ...(spec.produces
            ? {
                content: Object.fromEntries(
                  [spec.produces].flat().map((type) => [type, { schema: { type: 'string' } }]),
                ),
              }
            : {}),
        },
        default: {
          description: 'Error',
          content: { 'application/json': { schema: openapi.errorBody } },
        },
      },
    });
    router[method](path, async (req, res, next) => {
      try {
        const user = spec.auth === 'public' ? req.user : requireRole(req.user, spec.auth);
        const ctx = {
          params: spec.params ? parseParams(spec, req.params) : undefined,
          query: spec.query ? parseOrThrow(spec.query, req.query, 'query') : undefined,
          body: spec.body ? parseOrThrow(spec.body, req.body ?? {}, 'body') : undefined,
          user,
          req,
          res,
        } as RouteContext<Infer<B>, Infer<Q>, Infer<P>, UserOf<A>>;
        const result = await handler(ctx);
        if (res.headersSent) return;
        if (result === undefined) res.status(status === 201 ? 201 : 204).end();
        else res.status(status).json(result);
      } catch (error) {
        next(error);
      }
    });
  }
  const methodOf =
    (method: Method): DefineRoute =>
    (path, spec, handler) =>
      define(method, path, spec, handler);
  return {
    get: methodOf('get'),
    post: methodOf('post'),
    patch: methodOf('patch'),
    put: methodOf('put'),
    delete: methodOf('delete'),
  };
}

export type DefineRoute = <
  A extends RouteSpec<B, Q, P>['auth'],
  B extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  P extends z.ZodType = z.ZodUndefined,
>(
  path: string,
  spec: RouteSpec<B, Q, P> & { auth: A },
  handler: (
    ctx: RouteContext<Infer<B>, Infer<Q>, Infer<P>, UserOf<A>>,
  ) => Promise<unknown> | unknown,
) => void;

export type ApiRoutes = ReturnType<typeof apiRoutes>;
