/**
 * The OpenAPI document as the Worker serves it, built in-process (no storage
 * is reached: `/openapi.json` only reads the route registry).
 */
import { calculatorApp } from '../../scripts/bench/calculators';

export const app = calculatorApp(() => new Date('2025-06-01T12:00:00Z'));

export interface MediaType {
  schema?: Record<string, unknown>;
  example?: unknown;
}
export interface Response {
  description: string;
  headers?: Record<string, { $ref?: string }>;
  content?: Record<string, MediaType>;
}
export interface Parameter {
  name: string;
  in: string;
  schema?: Record<string, unknown>;
  example?: unknown;
}
export interface Operation {
  operationId?: string;
  tags?: string[];
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, Response>;
}
// A type, not an interface: validators take it as a plain JSON object.
export type Doc = {
  openapi: string;
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  /** The POSTs a shop's endpoints receive, by event type (OpenAPI 3.1). */
  webhooks?: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Record<string, unknown>>;
    headers: Record<string, { schema: Record<string, unknown> }>;
    securitySchemes: Record<string, { description?: string }>;
    parameters?: Record<string, Parameter>;
  };
};

/** The document, parsed, as a client downloads it. */
export const getDoc = async () => (await (await app.request('/openapi.json')).json()) as Doc;

/** Every operation with its path and method. */
export const operations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method, op })),
  );

/** Every webhook with its event type and method. */
export const webhookOperations = (doc: Doc) =>
  Object.entries(doc.webhooks ?? {}).flatMap(([type, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ type, method, op })),
  );

/** Tags of the open operations (no key); every other operation needs an API key. */
export const OPEN_TAGS = ['calculators', 'reference', 'meta', 'carriers'];

/** True for an operation that needs an API key (claims, the shop, and what comes next). */
export const isKeyed = (op: { tags?: string[] }) => !OPEN_TAGS.includes(op.tags?.[0] ?? '');
