import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n/catalogue.ts';

export interface NavItem {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only to users holding this permission. */
  permission?: string;
}

export const HOME_ITEM: NavItem = { key: 'home', path: '/', label: 'nav.home', icon: <HomeOutlined /> };

/** 系统管理. Business modules (tickets, customers, …) get their own groups when they exist. */
export const ADMIN_ITEMS: NavItem[] = [
  { key: 'users', path: '/admin/users', label: 'nav.users', icon: <TeamOutlined />, permission: 'user.read' },
  {
    key: 'roles',
    path: '/admin/roles',
    label: 'nav.roles',
    icon: <SafetyCertificateOutlined />,
    permission: 'role.read',
  },
  {
    key: 'departments',
    path: '/admin/departments',
    label: 'nav.departments',
    icon: <ApartmentOutlined />,
    permission: 'department.read',
  },
  {
    key: 'settings',
    path: '/admin/settings',
    label: 'nav.settings',
    icon: <SettingOutlined />,
    permission: 'settings.read',
  },
  {
    key: 'calendar',
    path: '/admin/calendar',
    label: 'nav.calendar',
    icon: <CalendarOutlined />,
    permission: 'calendar.read',
  },
  {
    key: 'audit',
    path: '/admin/audit',
    label: 'nav.audit',
    icon: <AuditOutlined />,
    permission: 'audit.read',
  },
];

export function allowedItems(items: NavItem[], can: (permission: string) => boolean): NavItem[] {
  return items.filter((item) => !item.permission || can(item.permission));
}

/** The menu key for a path: the item whose path is the longest prefix of it. */
export function selectedKey(pathname: string, items: NavItem[]): string | undefined {
  let best: NavItem | undefined;
  for (const item of items) {
    const matches = item.path === '/' ? pathname === '/' : pathname.startsWith(item.path);
    if (matches && (!best || item.path.length > best.path.length)) best = item;
  }
  return best?.key;
}
