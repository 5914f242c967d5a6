import { z } from 'zod';
import { channel, noInput } from '../define';
import {
  loginSchema,
  setupSchema,
  type AppInfo,
  type Language,
  type Office,
  type SessionUser,
} from '../../schemas/office';

export const systemChannels = {
  /** What the renderer needs at start: is the office set up, who is signed in, which language. */
  'app:info': channel<AppInfo>()(noInput),
  'app:setLanguage': channel<{ language: Language }>()(z.object({ language: z.enum(['id', 'en']) })),
  'office:setup': channel<{ office: Office; user: SessionUser }>()(setupSchema),
  'office:get': channel<Office>()(noInput),
  'auth:login': channel<SessionUser>()(loginSchema),
  'auth:logout': channel<{ ok: true }>()(noInput),
} as const;
