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
} from '@tabler/icons-react';
import type { ComponentType } from 'react';

export interface NavItem {
  to: string;
  /** i18n key */
  label: string;
  icon: ComponentType<{ size?: number | string; stroke?: number }>;
  end?: boolean;
}

/** The sidebar: only sections that exist. Features add their entry here when they add their route. */
export const NAV: NavItem[] = [
  { to: '/', label: 'nav.home', icon: IconHome, end: true },
  { to: '/usaha', label: 'nav.businesses', icon: IconBuildingStore, end: true },
  { to: '/usaha/baru', label: 'nav.register', icon: IconSquarePlus },
  { to: '/izin', label: 'nav.permits', icon: IconLicense },
  { to: '/kegiatan', label: 'nav.activities', icon: IconSchool },
  { to: '/surat', label: 'nav.letters', icon: IconFileCertificate },
  { to: '/periksa-surat', label: 'nav.verify', icon: IconShieldCheck },
  { to: '/cadangan', label: 'nav.backup', icon: IconDeviceFloppy },
  { to: '/pengaturan', label: 'nav.settings', icon: IconSettings },
  { to: '/tentang', label: 'nav.about', icon: IconInfoCircle },
];
