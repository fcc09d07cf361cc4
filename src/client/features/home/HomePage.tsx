import { Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useCan, useSession } from '../../api/session.ts';
import { BridgeIcon } from '../../components/BrandMark.tsx';
import { EmptyState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { ADMIN_ITEMS, allowedItems } from '../layout/nav.tsx';
import { useRoleName } from '../roles/role-name.ts';
import { WorkspaceShortcuts } from '../tickets/WorkspaceShortcuts.tsx';

export default function HomePage() {
  const t = useT();
  const roleName = useRoleName();
  const me = useSession();
  const can = useCan();
  const shortcuts = allowedItems(ADMIN_ITEMS, can);

  return (
    <Flex vertical gap={16}>
      <Card data-testid="welcome-card">
        <Flex gap={20} align="flex-start" wrap>
          <BridgeIcon size={56} />
          <div style={{ flex: 1, minWidth: 260 }}>
            <Typography.Title level={3} style={{ marginTop: 0 }}>
              {t('home.welcome', { name: me.user.displayName })}
            </Typography.Title>
            <Typography.Paragraph type="secondary">
              {t('home.intro', { org: me.organisation.name })}
            </Typography.Paragraph>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'account', label: t('home.account'), children: me.user.username },
                {
                  key: 'roles',
                  label: t('home.yourRoles'),
                  children:
                    me.roles.length > 0 ? (
                      <Flex gap={4} wrap data-testid="my-roles">
                        {me.roles.map((role) => (
                          <Tag key={role.id} color="blue">
                            {roleName(role)}
                          </Tag>
                        ))}
                      </Flex>
                    ) : (
                      <Typography.Text type="warning">{t('home.noRoles')}</Typography.Text>
                    ),
                },
              ]}
            />
          </div>
        </Flex>
      </Card>

      <WorkspaceShortcuts />

      <Card title={t('home.shortcuts')}>
        {shortcuts.length === 0 ? (
          <EmptyState text={t('home.noShortcuts')} />
        ) : (
          <Row gutter={[16, 16]}>
            {shortcuts.map((item) => (
              <Col key={item.key} xs={12} md={8} xl={4}>
                <Link to={item.path} data-testid={`shortcut-${item.key}`}>
                  <Card hoverable size="small" styles={{ body: { textAlign: 'center', padding: 20 } }}>
                    <div style={{ fontSize: 24, color: '#1e5bb8' }}>{item.icon}</div>
                    <div style={{ marginTop: 8 }}>{t(item.label)}</div>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        )}
      </Card>
    </Flex>
  );
}
