import { ReportsPage } from '../features/reports/ReportsPage';
import { createHashRouter } from 'react-router';
import { Shell } from './Shell';
import { HomePage } from '../features/home/HomePage';
import { BusinessListPage } from '../features/business/BusinessListPage';
import { BusinessNewPage } from '../features/business/BusinessNewPage';
import { BusinessDetailPage } from '../features/business/BusinessDetailPage';
import { BusinessEditPage } from '../features/business/BusinessEditPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { BackupPage } from '../features/backup/BackupPage';
import { AboutPage } from '../features/settings/AboutPage';
import { LetterRegisterPage } from '../features/letters/LetterRegisterPage';
import { LetterSettingsPage } from '../features/letters/LetterSettingsPage';
import { VerifyPage } from '../features/letters/VerifyPage';
import { PermitsPage } from '../features/permits/PermitsPage';
import { ActivityListPage } from '../features/activities/ActivityListPage';
import { ActivityPage } from '../features/activities/ActivityPage';
import { UsersPage } from '../features/accounts/UsersPage';
import { AuditPage } from '../features/accounts/AuditPage';
import { ChangePasswordPage } from '../features/accounts/ChangePasswordPage';
import { ImportPage } from '../features/import/ImportPage';

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
