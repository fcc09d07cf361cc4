import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Skeleton, Tabs } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { usePermissionCatalogue, useRoles } from '../../api/roles.ts';
import { useCan } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { groupPermissions } from './group.ts';
import { PermissionOverview } from './PermissionOverview.tsx';
import { RoleCreateModal } from './RoleCreateModal.tsx';
import { RoleEditor } from './RoleEditor.tsx';
import { RoleList } from './RoleList.tsx';

export default function RolesPage() {
  const t = useT();
  const can = useCan();
  const { modal } = App.useApp();
  const roles = useRoles();
  const catalogue = usePermissionCatalogue();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const dirty = useRef(false);
  const onDirtyChange = useCallback((value: boolean) => {
    dirty.current = value;
  }, []);
  const canManage = can('role.manage');

  const groups = useMemo(() => (catalogue.data ? groupPermissions(catalogue.data) : []), [catalogue.data]);
  const list = roles.data ?? [];
  const wanted = Number(params.get('role'));
  const selected = list.find((r) => r.id === wanted) ?? list[0];

  const select = (id: number, force = false) => {
    const go = () => {
      dirty.current = false;
      setParams({ role: String(id) }, { replace: true });
    };
    if (!force && dirty.current && id !== selected?.id) {
      modal.confirm({
        title: t('roles.switchTitle'),
        content: t('roles.switchText'),
        onOk: go,
        okText: t('common.discard'),
      });
    } else {
      go();
    }
  };

  const error = roles.error ?? catalogue.error;
  const loading = roles.isPending || catalogue.isPending;

  return (
    <>
      <PageHeader
        title={t('roles.title')}
        subtitle={t('roles.subtitle')}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="role-create"
            >
              {t('roles.create')}
            </Button>
          ) : null
        }
      />
      {error ? (
        <ErrorState
          error={error}
          onRetry={() => {
            void roles.refetch();
            void catalogue.refetch();
          }}
        />
      ) : loading ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : (
        <Tabs
          items={[
            {
              key: 'edit',
              label: t('roles.tabEdit'),
              children: (
                <Row gutter={16}>
                  <Col xs={24} lg={7} xxl={5}>
                    <Card size="small" title={t('roles.list')} style={{ marginBottom: 16 }}>
                      <RoleList roles={list} selectedId={selected?.id} onSelect={(id) => select(id)} />
                    </Card>
                  </Col>
                  <Col xs={24} lg={17} xxl={19}>
                    {selected ? (
                      <RoleEditor
                        key={`${selected.id}:${selected.name}:${selected.description}:${selected.permissions.join(',')}`}
                        role={selected}
                        groups={groups}
                        canManage={canManage}
                        onDirtyChange={onDirtyChange}
                        onDeleted={() => setParams({}, { replace: true })}
                      />
                    ) : (
                      <Card>
                        <EmptyState text={list.length === 0 ? t('roles.empty') : t('roles.selectRole')} />
                      </Card>
                    )}
                  </Col>
                </Row>
              ),
            },
            {
              key: 'overview',
              label: t('roles.tabOverview'),
              children: (
                <Card>
                  <PermissionOverview groups={groups} roles={list} />
                </Card>
              ),
            },
          ]}
        />
      )}
      <RoleCreateModal
        open={creating}
        roles={list}
        onClose={() => setCreating(false)}
        onCreated={(role) => {
          setCreating(false);
          select(role.id, true);
        }}
      />
    </>
  );
}
