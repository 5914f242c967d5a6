import { z } from 'zod';
import type { Access } from './access';

/**
 * A channel: who may call it (`access`, see access.ts), the zod schema its input must pass, and (as a type
 * only) what it answers. `channel<Out>()(inputSchema, access)` keeps the output type without a runtime value.
 */
export interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** phantom: never read at run time */
  readonly __output?: O;
}

export function channel<O>() {
  return <I extends z.ZodType>(input: I, access: Access): ChannelDef<I, O> => ({ input, access });
}

/** Channels that take no input accept `undefined` or `{}`. */
export const noInput = z.union([z.undefined(), z.object({}).strict()]);

/** Shorthands for the common rules. */
export const viewer = { role: 'viewer' } as const satisfies Access;
export const operator = { role: 'operator' } as const satisfies Access;
export const admin = { role: 'admin' } as const satisfies Access;
