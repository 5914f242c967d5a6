import { z } from 'zod';

/**
 * A channel: the zod schema its input must pass, and (as a type only) what it answers.
 * `channel<Out>()(inputSchema)` keeps the output type without a runtime value.
 */
export interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  /** phantom: never read at run time */
  readonly __output?: O;
}

export function channel<O>() {
  return <I extends z.ZodType>(input: I): ChannelDef<I, O> => ({ input });
}

/** Channels that take no input accept `undefined` or `{}`. */
export const noInput = z.union([z.undefined(), z.object({}).strict()]);
