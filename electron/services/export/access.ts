/**
 * Who may see an owner's NIK and phone number in full in what leaves the app (exports, report data). The
 * one place that decides it, on main: every export asks this function and masks otherwise. Today every
 * signed-in user may (the office has admin and operator, both clerks of the kecamatan); the roles of the
 * accounts issue change this function, and nothing else needs to.
 */
import type { SessionUser } from '../../../shared/schemas/office';

export function maySeePersonalData(session: { user: SessionUser | null }): boolean {
  return session.user !== null;
}
