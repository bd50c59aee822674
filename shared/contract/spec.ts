import type { z } from 'zod';

/** One channel: what the caller sends (validated in main) and what it gets back. */
export interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
}
