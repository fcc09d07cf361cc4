import { ApiOutlined, DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Badge, Button, Dropdown, Flex, Tooltip, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { type LiveStatus, useLiveStatus } from '../../api/live.ts';
import { useCan, useLogout, useSession } from '../../api/session.ts';
import { useT } from '../../i18n/context.ts';
import { AccountLanguageSwitch } from '../auth/AccountLanguageSwitch.tsx';
import { RingingListener } from '../calls/RingingListener.tsx';
import { useAwayMenuItem } from '../notifications/away.tsx';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { GlobalSearch } from './GlobalSearch.tsx';

const LIVE_BADGE: Record<LiveStatus, 'success' | 'processing' | 'error'> = {
  open: 'success',
  connecting: 'processing',
  closed: 'error',
};

function LiveIndicator() {
  const t = useT();
  const status = useLiveStatus();
  const label = t(`layout.live.${status}`);
  return (
    <Tooltip title={label}>
      <span data-testid="live-indicator" data-status={status} role="status" aria-label={label}>
        <Badge status={LIVE_BADGE[status]} />
      </span>
    </Tooltip>
  );
}

function UserMenu() {
  const t = useT();
  const me = useSession();
  const can = useCan();
  const navigate = useNavigate();
  const logout = useLogout();
  const away = useAwayMenuItem();
  const items = [
    {
      key: 'profile',
      icon: <UserOutlined />,
      label: <span data-testid="menu-profile">{t('nav.profile')}</span>,
    },
    ...(can('api_token.use')
      ? [
          {
            key: 'tokens',
            icon: <ApiOutlined />,
            label: <span data-testid="menu-api-tokens">{t('nav.apiTokens')}</span>,
          },
        ]
      : []),
    ...(away ? [away.item] : []),
    { type: 'divider' as const },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      danger: true,
      label: <span data-testid="menu-logout">{t('auth.signOut')}</span>,
    },
  ];
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === 'profile') navigate('/profile');
          if (key === 'tokens') navigate('/profile/api-tokens');
          away?.onSelect(key);
          if (key === 'logout') {
            // The signed-in area unmounts at once; RequireAuth then shows the sign-in page.
            logout.mutate();
          }
        },
      }}
    >
      <Button type="text" data-testid="user-menu" aria-label={t('layout.userMenu')} style={{ height: 40 }}>
        <Flex align="center" gap={8}>
          <Avatar size="small" style={{ backgroundColor: '#1e5bb8' }}>
            {Array.from(me.user.displayName)[0] ?? '?'}
          </Avatar>
          <span>{me.user.displayName}</span>
          <DownOutlined style={{ fontSize: 10 }} />
        </Flex>
      </Button>
    </Dropdown>
  );
}

export function HeaderBar() {
  const me = useSession();
  return (
    <Flex align="center" justify="space-between" gap={16} style={{ height: '100%' }}>
      <Typography.Text strong ellipsis style={{ fontSize: 16 }} data-testid="org-name">
        {me.organisation.name}
      </Typography.Text>
      <Flex align="center" gap={8}>
        <GlobalSearch />
        <LiveIndicator />
        <NotificationBell />
        <RingingListener />
        <AccountLanguageSwitch />
        <UserMenu />
      </Flex>
    </Flex>
  );
}
