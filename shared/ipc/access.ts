/**
 * Who may call a channel. Every channel in `channels/<domain>.ts` declares one; the dispatcher checks it
 * before it looks at the input (a caller who may not use a channel learns nothing about its fields).
 *
 * - `'public'`: anyone, signed in or not, set up or not (app:info, sign-in, the public region list).
 * - `'setup'`: only while the office is not set up (the first-run set-up itself); ALREADY_SET_UP after.
 * - `{ role }`: a signed-in user whose role is at least `role` (viewer < operator < admin).
 *   `beforeSetUp: true` also lets anyone in while the office is not set up (restoring a backup on a new PC).
 */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Access = 'public' | 'setup' | { role: Role; beforeSetUp?: true };

/** viewer: read and reports; operator: register, edit, letters, backup; admin: settings, users, restore, keys. */
export function roleAtLeast(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

export type AccessDenial = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'ALREADY_SET_UP';

/**
 * The rule itself, pure: what the caller is (its role, or null when not signed in) and whether the office is
 * set up → null (allowed) or why not. `isSetUp` is asked only when the rule needs it (it reads the database).
 */
export async function accessDenial(
  access: Access,
  role: Role | null,
  isSetUp: () => Promise<boolean>,
): Promise<AccessDenial | null> {
  if (access === 'public') return null;
  if (access === 'setup') return (await isSetUp()) ? 'ALREADY_SET_UP' : null;
  if (role !== null) return roleAtLeast(role, access.role) ? null : 'FORBIDDEN';
  if (access.beforeSetUp && !(await isSetUp())) return null;
  return 'UNAUTHENTICATED';
}
