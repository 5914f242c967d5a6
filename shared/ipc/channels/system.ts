import { z } from 'zod';
import { channel, noInput, viewer } from '../define';
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
  'app:info': channel<AppInfo>()(noInput, 'public'),
  'app:setLanguage': channel<{ language: Language }>()(z.object({ language: z.enum(['id', 'en']) }), viewer),
  'office:setup': channel<{ office: Office; user: SessionUser }>()(setupSchema, 'setup'),
  'office:get': channel<Office>()(noInput, viewer),
  'auth:login': channel<SessionUser>()(loginSchema, 'public'),
  'auth:logout': channel<{ ok: true }>()(noInput, viewer),
} as const;
