import { z } from 'zod';
import { admin, channel, noInput, viewer } from '../define';
import { PP7_RULES, type Pp7Rule } from '../../domain/size-class';
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
  /** How the PP 7/2021 class is decided when capital and annual sales disagree (issue 11 item 9). */
  'office:sizeRuleGet': channel<{ pp7Rule: Pp7Rule }>()(noInput, viewer),
  'office:sizeRuleSave': channel<{ pp7Rule: Pp7Rule }>()(
    z.object({ pp7Rule: z.enum(PP7_RULES, { error: 'validation.invalid' }) }).strict(),
    admin,
  ),
} as const;
