import {
  IconBuildingStore,
  IconFileCertificate,
  IconShieldCheck,
  IconHome,
  IconInfoCircle,
  IconSettings,
  IconDeviceFloppy,
  IconSquarePlus,
  IconLicense,
  IconSchool,
  IconUsers,
  IconHistory,
  IconChartBar,
  IconTableImport,
} from '@tabler/icons-react';
import type { SessionUser } from '../../shared/schemas/office';
import type { ComponentType } from 'react';

export interface NavItem {
  to: string;
  /** i18n key */
  label: string;
  icon: ComponentType<{ size?: number | string; stroke?: number }>;
  end?: boolean;
  /** who sees the entry (main enforces the same per channel; hiding only spares a refused click) */
  roles?: SessionUser['role'][];
}

const WRITERS: SessionUser['role'][] = ['operator', 'admin'];

export function navFor(role: SessionUser['role'] | undefined): NavItem[] {
  return NAV.filter((i) => !i.roles || (role && i.roles.includes(role)));
}

/** The sidebar: only sections that exist. Features add their entry here when they add their route. */
export const NAV: NavItem[] = [
  { to: '/', label: 'nav.home', icon: IconHome, end: true },
  { to: '/usaha', label: 'nav.businesses', icon: IconBuildingStore, end: true },
  { to: '/usaha/baru', label: 'nav.register', icon: IconSquarePlus, roles: WRITERS },
  { to: '/izin', label: 'nav.permits', icon: IconLicense },
  { to: '/kegiatan', label: 'nav.activities', icon: IconSchool },
  { to: '/surat', label: 'nav.letters', icon: IconFileCertificate },
  { to: '/laporan', label: 'nav.reports', icon: IconChartBar },
  { to: '/impor', label: 'nav.import', icon: IconTableImport, roles: WRITERS },
  { to: '/periksa-surat', label: 'nav.verify', icon: IconShieldCheck },
  { to: '/cadangan', label: 'nav.backup', icon: IconDeviceFloppy, roles: WRITERS },
  { to: '/pengguna', label: 'nav.users', icon: IconUsers, roles: ['admin'] },
  { to: '/audit', label: 'nav.audit', icon: IconHistory, roles: ['admin'] },
  { to: '/pengaturan', label: 'nav.settings', icon: IconSettings },
  { to: '/tentang', label: 'nav.about', icon: IconInfoCircle },
];
