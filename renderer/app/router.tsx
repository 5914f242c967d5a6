import { lazy, type ComponentType } from 'react';
import { createHashRouter } from 'react-router';
import { Shell } from './Shell';
import { HomePage } from '../features/home/HomePage';
import { BusinessListPage } from '../features/business/BusinessListPage';

/**
 * A page loaded on its first visit: its own chunk (and the chunks only it uses, such as the PDF viewer's,
 * the import's or the reports'), so that the start loads the first screens only (see docs/design.md,
 * "What a start loads"). The Shell shows a loader in its place meanwhile.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const BusinessNewPage = page(() => import('../features/business/BusinessNewPage'), 'BusinessNewPage');
const BusinessDetailPage = page(
  () => import('../features/business/BusinessDetailPage'),
  'BusinessDetailPage',
);
const BusinessEditPage = page(() => import('../features/business/BusinessEditPage'), 'BusinessEditPage');
const PermitsPage = page(() => import('../features/permits/PermitsPage'), 'PermitsPage');
const ActivityListPage = page(() => import('../features/activities/ActivityListPage'), 'ActivityListPage');
const ActivityPage = page(() => import('../features/activities/ActivityPage'), 'ActivityPage');
const LetterRegisterPage = page(() => import('../features/letters/LetterRegisterPage'), 'LetterRegisterPage');
const ReportsPage = page(() => import('../features/reports/ReportsPage'), 'ReportsPage');
const ImportPage = page(() => import('../features/import/ImportPage'), 'ImportPage');
const VerifyPage = page(() => import('../features/letters/VerifyPage'), 'VerifyPage');
const BackupPage = page(() => import('../features/backup/BackupPage'), 'BackupPage');
const SettingsPage = page(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const LetterSettingsPage = page(() => import('../features/letters/LetterSettingsPage'), 'LetterSettingsPage');
const AboutPage = page(() => import('../features/settings/AboutPage'), 'AboutPage');
const UsersPage = page(() => import('../features/accounts/UsersPage'), 'UsersPage');
const AuditPage = page(() => import('../features/accounts/AuditPage'), 'AuditPage');
const ChangePasswordPage = page(
  () => import('../features/accounts/ChangePasswordPage'),
  'ChangePasswordPage',
);

/** Hash routing: works the same from file:// in Electron and over loopback in the browser mode. */
export const router = createHashRouter([
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'usaha', element: <BusinessListPage /> },
      { path: 'usaha/baru', element: <BusinessNewPage /> },
      { path: 'usaha/:id', element: <BusinessDetailPage /> },
      { path: 'usaha/:id/ubah', element: <BusinessEditPage /> },
      { path: 'izin', element: <PermitsPage /> },
      { path: 'kegiatan', element: <ActivityListPage /> },
      { path: 'kegiatan/:id', element: <ActivityPage /> },
      { path: 'surat', element: <LetterRegisterPage /> },
      { path: 'laporan', element: <ReportsPage /> },
      { path: 'impor', element: <ImportPage /> },
      { path: 'periksa-surat', element: <VerifyPage /> },
      { path: 'cadangan', element: <BackupPage /> },
      { path: 'pengaturan', element: <SettingsPage /> },
      { path: 'pengaturan/surat', element: <LetterSettingsPage /> },
      { path: 'tentang', element: <AboutPage /> },
      { path: 'pengguna', element: <UsersPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'kata-sandi', element: <ChangePasswordPage /> },
    ],
  },
]);
