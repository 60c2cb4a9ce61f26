/**
 * The shape of a typed request map: one zod schema per request and per response, keyed by the
 * request's `type`. Both the `ask` client and the background's handler table are typed by it, so a
 * request's answer has one declared shape from sender to handler. Built on `zod/mini`: the content
 * script validates with these too, and its load size matters.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../engine/lazy-schema';

/**
 * Who may send a request: `content` requests come from content scripts (and extension pages);
 * `page` requests only from the extension's own pages. A content script runs inside a web page
 * the auditor does not control, so what it may ask is kept to what the overlay needs.
 */
export type Caller = 'content' | 'page';

export interface Endpoint<T extends string = string, Q extends z.ZodMiniType = z.ZodMiniType, S extends z.ZodMiniType = z.ZodMiniType> {
  type: T;
  from: Caller;
  request: Q;
  response: S;
}

/** One request type: its payload fields (besides `type`) and the fields of a successful answer; both schemas are built on first use. */
export function endpoint<const T extends string, Q extends z.core.$ZodLooseShape, S extends z.core.$ZodLooseShape>(
  type: T,
  from: Caller,
  payload: Q,
  answer: S,
) {
  return {
    type,
    from,
    request: lazySchema(() => z.object({ type: z.literal(type), ...payload })),
    response: lazySchema(() => z.object(answer)),
  };
}

export type RequestMap = Record<string, Endpoint>;

/** The map keyed by each endpoint's type. */
export function requestMap<const E extends readonly Endpoint[]>(...endpoints: E): { [K in E[number] as K['type']]: K } {
  return Object.fromEntries(endpoints.map((e) => [e.type, e])) as never;
}

export type RequestOf<M extends RequestMap, T extends keyof M = keyof M> = T extends keyof M ? z.output<M[T]['request']> : never;
export type AnswerOf<M extends RequestMap, T extends keyof M> = z.output<M[T]['response']>;

/** What travels back: the answer's fields with `ok: true`, or a refusal in words for the user. */
export type Envelope<A> = ({ ok: true } & A) | { ok: false; error: string };
