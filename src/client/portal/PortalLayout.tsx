import { DownOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Dropdown, Flex, Grid, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { BridgeIcon } from '../components/BrandMark.tsx';
import { useT } from '../i18n/context.ts';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { storePortalLocale } from './locale.ts';
import styles from './portal.module.css';
import { usePortalLogout, usePortalMe } from './session.ts';

const navClass = ({ isActive }: { isActive: boolean }) =>
  isActive ? `${styles.navLink} ${styles.navActive}` : styles.navLink;

function Brand() {
  const t = useT();
  return (
    <Link to="/portal" className={styles.brandLink} data-testid="portal-brand">
      <BridgeIcon size={34} />
      <span className={styles.brandText}>
        <span className={styles.brandName}>
          桥 <span>Qiao</span>
        </span>
        <span className={styles.brandSub}>{t('portal.brand')}</span>
      </span>
    </Link>
  );
}

function AccountMenu() {
  const t = useT();
  const me = usePortalMe();
  const logout = usePortalLogout();
  const navigate = useNavigate();
  const signOut = () => logout.mutate(undefined, { onSettled: () => void navigate('/portal/login') });
  if (!me.data) {
    return (
      <Flex gap={4}>
        <Link to="/portal/login">
          <Button type="text" data-testid="portal-nav-login">
            {t('portal.nav.login')}
          </Button>
        </Link>
        <Link to="/portal/register">
          <Button data-testid="portal-nav-register">{t('portal.nav.register')}</Button>
        </Link>
      </Flex>
    );
  }
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'who',
            disabled: true,
            label: (
              <div>
                <div>{me.data.contact.name}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {me.data.account.email}
                </Typography.Text>
              </div>
            ),
          },
          { type: 'divider' },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: <span data-testid="portal-logout">{t('portal.nav.logout')}</span>,
            onClick: signOut,
          },
        ],
      }}
    >
      <Button type="text" icon={<UserOutlined />} data-testid="portal-account-menu">
        <span style={{ maxWidth: 120, overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {me.data.contact.name}
        </span>
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}

function MobileMenu() {
  const t = useT();
  const me = usePortalMe();
  const logout = usePortalLogout();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const go = (to: string) => {
    setOpen(false);
    void navigate(to);
  };
  const item = (to: string, label: string, testId: string) => (
    <Button
      type="text"
      block
      size="large"
      style={{ justifyContent: 'flex-start' }}
      onClick={() => go(to)}
      data-testid={testId}
    >
      {label}
    </Button>
  );
  return (
    <>
      <Button
        type="text"
        icon={<MenuOutlined />}
        aria-label={t('portal.nav.menu')}
        onClick={() => setOpen(true)}
        data-testid="portal-menu"
      />
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="right"
        size={280}
        title={t('portal.brand')}
      >
        <Flex vertical gap={4}>
          {item('/portal', t('portal.nav.home'), 'portal-m-home')}
          {item('/portal/kb', t('portal.nav.kb'), 'portal-m-kb')}
          {item('/portal/requests', t('portal.nav.requests'), 'portal-m-requests')}
          {item('/portal/requests/new', t('portal.nav.newRequest'), 'portal-m-new')}
          {me.data ? (
            <>
              <Typography.Text type="secondary" style={{ padding: '12px 15px 4px' }}>
                {me.data.contact.name} · {me.data.account.email}
              </Typography.Text>
              <Button
                type="text"
                block
                size="large"
                danger
                style={{ justifyContent: 'flex-start' }}
                icon={<LogoutOutlined />}
                onClick={() =>
                  logout.mutate(undefined, {
                    onSettled: () => go('/portal/login'),
                  })
                }
                data-testid="portal-m-logout"
              >
                {t('portal.nav.logout')}
              </Button>
            </>
          ) : (
            <>
              {item('/portal/login', t('portal.nav.login'), 'portal-m-login')}
              {item('/portal/register', t('portal.nav.register'), 'portal-m-register')}
            </>
          )}
        </Flex>
      </Drawer>
    </>
  );
}

/** The customer-facing frame: brand, a few links, language and account; no staff navigation. */
export function PortalLayout({ children }: { children: ReactNode }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const wide = screens.md ?? true;
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div className={styles.headerInner}>
          <Brand />
          {wide ? (
            <nav className={styles.nav} aria-label={t('portal.nav.label')}>
              <NavLink to="/portal/kb" className={navClass} data-testid="portal-nav-kb">
                {t('portal.nav.kb')}
              </NavLink>
              <NavLink to="/portal/requests" end className={navClass} data-testid="portal-nav-requests">
                {t('portal.nav.requests')}
              </NavLink>
              <Link to="/portal/requests/new" style={{ margin: '0 8px' }}>
                <Button type="primary" data-testid="portal-nav-new">
                  {t('portal.nav.newRequest')}
                </Button>
              </Link>
              <LanguageSwitch onChange={storePortalLocale} />
              <AccountMenu />
            </nav>
          ) : (
            <Flex align="center" gap={0} style={{ marginLeft: 'auto' }}>
              <LanguageSwitch onChange={storePortalLocale} />
              <MobileMenu />
            </Flex>
          )}
        </div>
      </header>
      <main className={styles.main}>{children}</main>
      <footer className={styles.footer}>
        桥 Qiao · {t('portal.brand')} · <Link to="/request">{t('portal.footer.noAccount')}</Link>
      </footer>
    </div>
  );
}
