import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  BranchesOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ClockCircleOutlined,
  ContactsOutlined,
  CrownOutlined,
  ExclamationCircleOutlined,
  FileTextOutlined,
  GiftOutlined,
  HomeOutlined,
  IdcardOutlined,
  MailOutlined,
  MessageOutlined,
  NodeIndexOutlined,
  PhoneOutlined,
  PlusCircleOutlined,
  ProfileOutlined,
  RollbackOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  ToolOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { InboxBadge } from '../approvals/InboxBadge.tsx';

export interface NavItem {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only to users holding this permission. */
  permission?: string;
  /** Shown only to users holding at least one of these permissions. */
  anyPermission?: string[];
  /** Shown after the label (e.g. a count of things waiting). */
  extra?: ReactNode;
}

export const HOME_ITEM: NavItem = { key: 'home', path: '/', label: 'nav.home', icon: <HomeOutlined /> };

/** 审批待办: for every staff user (anyone may be named as an approver); the page says when nothing waits. */
export const APPROVALS_ITEM: NavItem = {
  key: 'approvals',
  path: '/approvals',
  label: 'approvals.nav',
  icon: <CheckSquareOutlined />,
  extra: <InboxBadge />,
};

/** 服务请求: the agent workspace (request list, new request, call log). */
export const TICKET_ITEMS: NavItem[] = [
  {
    key: 'tickets',
    path: '/tickets',
    label: 'tickets.nav.list',
    icon: <UnorderedListOutlined />,
    permission: 'ticket.read',
  },
  {
    key: 'ticket-new',
    path: '/tickets/new',
    label: 'tickets.nav.new',
    icon: <PlusCircleOutlined />,
    permission: 'ticket.create',
  },
  { key: 'calls', path: '/calls', label: 'calls.nav', icon: <PhoneOutlined />, permission: 'call.read' },
  { key: 'kb', path: '/kb', label: 'kb.nav', icon: <BookOutlined />, permission: 'kb.read' },
];

/** 客户管理: the customer file (客户档案). */
export const CUSTOMER_ITEMS: NavItem[] = [
  {
    key: 'customers',
    path: '/customers',
    label: 'customers.nav.list',
    icon: <ContactsOutlined />,
    permission: 'customer.read',
  },
  {
    key: 'key-accounts',
    path: '/key-accounts',
    label: 'keyAccounts.nav',
    icon: <CrownOutlined />,
    permission: 'customer.read',
  },
  { key: 'care', path: '/care', label: 'care.nav', icon: <GiftOutlined />, permission: 'customer.read' },
  {
    key: 'admission',
    path: '/admission',
    label: 'admission.nav',
    icon: <SolutionOutlined />,
    anyPermission: ['admission.apply', 'admission.approve'],
  },
];

/** 投诉与纠正预防: complaints, CAPA, returns and the monthly analysis (SPEC §2). */
export const COMPLAINT_ITEMS: NavItem[] = [
  {
    key: 'complaints',
    path: '/complaints',
    label: 'complaints.nav',
    icon: <ExclamationCircleOutlined />,
    permission: 'complaint.read',
  },
  { key: 'capas', path: '/capas', label: 'capas.nav', icon: <ToolOutlined />, permission: 'capa.read' },
  {
    key: 'returns',
    path: '/returns',
    label: 'returns.nav',
    icon: <RollbackOutlined />,
    permission: 'return.read',
  },
  {
    key: 'complaint-analysis',
    path: '/complaint-analysis',
    label: 'complaintAnalysis.nav',
    icon: <BarChartOutlined />,
    permission: 'complaint.read',
  },
];

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
  {
    key: 'ticket-types',
    path: '/admin/ticket-types',
    label: 'ticketAdmin.nav.types',
    icon: <ProfileOutlined />,
    permission: 'ticket.read',
  },
  {
    key: 'sla',
    path: '/admin/sla',
    label: 'ticketAdmin.nav.sla',
    icon: <ClockCircleOutlined />,
    permission: 'ticket.read',
  },
  {
    key: 'assignment',
    path: '/admin/assignment',
    label: 'ticketAdmin.nav.assignment',
    icon: <BranchesOutlined />,
    permission: 'ticket.read',
  },
  {
    key: 'canned-responses',
    path: '/admin/canned-responses',
    label: 'templates.nav.canned',
    icon: <MessageOutlined />,
    permission: 'ticket.update',
  },
  {
    key: 'mailboxes',
    path: '/admin/mailboxes',
    label: 'mailboxes.nav',
    icon: <MailOutlined />,
    permission: 'mailbox.manage',
  },
  {
    key: 'templates',
    path: '/admin/templates',
    label: 'templates.nav.messages',
    icon: <FileTextOutlined />,
    permission: 'settings.read',
  },
  {
    key: 'customer-settings',
    path: '/admin/customer-settings',
    label: 'customers.nav.settings',
    icon: <IdcardOutlined />,
    permission: 'settings.read',
  },
  {
    key: 'complaint-settings',
    path: '/admin/complaint-settings',
    label: 'complaints.settings.nav',
    icon: <ExclamationCircleOutlined />,
    permission: 'settings.read',
  },
  {
    key: 'approval-routes',
    path: '/admin/approval-routes',
    label: 'routes.nav',
    icon: <NodeIndexOutlined />,
    permission: 'settings.read',
  },
];

export function allowedItems(items: NavItem[], can: (permission: string) => boolean): NavItem[] {
  return items.filter(
    (item) =>
      (!item.permission || can(item.permission)) && (!item.anyPermission || item.anyPermission.some(can)),
  );
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
