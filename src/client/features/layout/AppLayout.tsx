import { Layout, Menu, type MenuProps, Skeleton } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useCan } from '../../api/session.ts';
import { BrandMark, BridgeIcon } from '../../components/BrandMark.tsx';
import { ErrorBoundary } from '../../components/ErrorBoundary.tsx';
import { useT } from '../../i18n/context.ts';
import { HeaderBar } from './HeaderBar.tsx';
import {
  ADMIN_ITEMS,
  APPROVALS_ITEM,
  allowedItems,
  COMPLAINT_ITEMS,
  CUSTOMER_ITEMS,
  HOME_ITEM,
  type NavItem,
  selectedKey,
  TICKET_ITEMS,
} from './nav.tsx';

const SIDER_WIDTH = 220;

export default function AppLayout() {
  const t = useT();
  const can = useCan();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);

  const admin = allowedItems(ADMIN_ITEMS, can);
  const tickets = allowedItems(TICKET_ITEMS, can);
  const customers = allowedItems(CUSTOMER_ITEMS, can);
  const complaints = allowedItems(COMPLAINT_ITEMS, can);
  const toMenuItem = (item: NavItem) => ({
    key: item.key,
    icon: item.icon,
    label: (
      <Link to={item.path} data-testid={`nav-${item.key}`}>
        {t(item.label)}
        {item.extra}
      </Link>
    ),
  });
  const items: MenuProps['items'] = [
    toMenuItem(HOME_ITEM),
    toMenuItem(APPROVALS_ITEM),
    ...(tickets.length > 0
      ? [
          {
            type: 'group' as const,
            key: 'tickets-group',
            label: t('tickets.nav.group'),
            children: tickets.map(toMenuItem),
          },
        ]
      : []),
    ...(customers.length > 0
      ? [
          {
            type: 'group' as const,
            key: 'customers-group',
            label: t('customers.nav.group'),
            children: customers.map(toMenuItem),
          },
        ]
      : []),
    ...(complaints.length > 0
      ? [
          {
            type: 'group' as const,
            key: 'complaints-group',
            label: t('complaints.nav.group'),
            children: complaints.map(toMenuItem),
          },
        ]
      : []),
    ...(admin.length > 0
      ? [{ type: 'group' as const, key: 'admin', label: t('nav.admin'), children: admin.map(toMenuItem) }]
      : []),
  ];
  const current = selectedKey(location.pathname, [
    HOME_ITEM,
    APPROVALS_ITEM,
    ...tickets,
    ...customers,
    ...complaints,
    ...admin,
  ]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={SIDER_WIDTH}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <Link
          to="/"
          style={{
            display: 'flex',
            alignItems: 'center',
            height: 64,
            padding: collapsed ? '0 24px' : '0 20px',
          }}
          aria-label="桥 Qiao"
        >
          {collapsed ? <BridgeIcon size={32} /> : <BrandMark size={30} inverse />}
        </Link>
        <nav aria-label={t('nav.admin')} data-testid="side-nav">
          <Menu theme="dark" mode="inline" selectedKeys={current ? [current] : []} items={items} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            padding: '0 24px',
            borderBottom: '1px solid #eef0f3',
          }}
        >
          <HeaderBar />
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <ErrorBoundary
            key={location.pathname}
            title={t('common.crashTitle')}
            text={t('common.crashText')}
            reloadLabel={t('common.reload')}
          >
            <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
