import { z } from 'zod';

/**
 * zod 4 probes for eval (`Function('')`) when a schema is built, to JIT its
 * object parsers; the app's CSP forbids eval, so the probe only produced a CSP
 * violation report on every start. Jitless parsing needs no eval. This module
 * is imported first by main.tsx, before any schema is constructed.
 */
z.config({ jitless: true });
