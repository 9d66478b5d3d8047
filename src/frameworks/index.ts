// aggregator-errors/frameworks: problem+json answers for any provider error,
// in the error hooks of Fastify, Express and Hono. See docs/resilience.md.
export { fastifyErrorHandler } from './fastify.js';
export type { FastifyErrorHandlerOptions, FastifyReplyLike } from './fastify.js';
export { expressErrorHandler } from './express.js';
export type { ExpressErrorHandlerOptions, NodeResponseLike } from './express.js';
export { honoErrorHandler } from './hono.js';
export type { HonoErrorHandlerOptions } from './hono.js';
export type { FrameworkOptions } from './problem-for.js';
