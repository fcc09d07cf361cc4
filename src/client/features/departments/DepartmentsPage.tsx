import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Input, Row, Skeleton, Tag, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useDepartments } from '../../api/departments.ts';
import { useCan } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { DepartmentForm } from './DepartmentForm.tsx';
import { type DepartmentNode, departmentTree } from './tree.ts';

type Mode = { kind: 'edit'; id: number } | { kind: 'create'; parentId: number | null } | null;

export default function DepartmentsPage() {
  const t = useT();
  const can = useCan();
  const departments = useDepartments();
  const [mode, setMode] = useState<Mode>(null);
  const [filter, setFilter] = useState('');
  const [collapsed, setCollapsed] = useState<Set<number>>(() => new Set());
  const canManage = can('department.manage');
  const all = departments.data ?? [];

  const tree = useMemo(() => departmentTree(departments.data ?? []), [departments.data]);
  const needle = filter.trim().toLowerCase();
  const selected = mode?.kind === 'edit' ? all.find((d) => d.id === mode.id) : undefined;
  const createParent =
    mode?.kind === 'create' && mode.parentId !== null ? all.find((d) => d.id === mode.parentId) : undefined;

  const renderTitle = (node: DepartmentNode) => {
    const d = node.item;
    const hit = needle && (d.name.toLowerCase().includes(needle) || d.code.toLowerCase().includes(needle));
    return (
      <Flex gap={6} align="center" wrap style={{ padding: '2px 0' }}>
        <Typography.Text strong={!!hit} mark={!!hit} type={d.isActive ? undefined : 'secondary'}>
          {d.name}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {d.code}
        </Typography.Text>
        <Tag variant="filled" style={{ marginInlineEnd: 0 }}>
          {t('departments.members', { count: d.userCount })}
        </Tag>
        {d.isActive ? null : <Tag style={{ marginInlineEnd: 0 }}>{t('departments.inactive')}</Tag>}
      </Flex>
    );
  };

  const formCard = () => {
    if (mode?.kind === 'create') {
      return (
        <Card
          title={createParent ? t('departments.newUnder', { name: createParent.name }) : t('departments.new')}
        >
          <DepartmentForm
            key={`new:${mode.parentId}`}
            department={null}
            parentId={mode.parentId}
            all={all}
            canManage={canManage}
            onSaved={(d) => setMode({ kind: 'edit', id: d.id })}
            onDeleted={() => setMode(null)}
          />
        </Card>
      );
    }
    if (selected) {
      return (
        <Card
          title={selected.name}
          extra={
            canManage ? (
              <Button
                icon={<PlusOutlined />}
                onClick={() => setMode({ kind: 'create', parentId: selected.id })}
              >
                {t('departments.createChild')}
              </Button>
            ) : null
          }
        >
          <DepartmentForm
            key={`${selected.id}:${selected.code}:${selected.name}:${selected.parentId}:${selected.isActive}:${selected.description}`}
            department={selected}
            parentId={selected.parentId}
            all={all}
            canManage={canManage}
            onSaved={(d) => setMode({ kind: 'edit', id: d.id })}
            onDeleted={() => setMode(null)}
          />
        </Card>
      );
    }
    return (
      <Card>
        <EmptyState text={all.length === 0 ? t('departments.empty') : t('departments.pick')} />
      </Card>
    );
  };

  return (
    <>
      <PageHeader
        title={t('departments.title')}
        subtitle={t('departments.subtitle')}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setMode({ kind: 'create', parentId: null })}
              data-testid="department-create"
            >
              {t('departments.createRoot')}
            </Button>
          ) : null
        }
      />
      {departments.error ? (
        <ErrorState error={departments.error} onRetry={() => void departments.refetch()} />
      ) : departments.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <Row gutter={16}>
          <Col xs={24} lg={10}>
            <Card title={t('departments.tree')} style={{ marginBottom: 16 }}>
              {all.length === 0 ? (
                <EmptyState text={t('departments.empty')} />
              ) : (
                <>
                  <Input
                    allowClear
                    prefix={<SearchOutlined />}
                    placeholder={t('departments.filter')}
                    value={filter}
                    onChange={(e) => setFilter(e.target.value)}
                    style={{ marginBottom: 12 }}
                    aria-label={t('departments.filter')}
                  />
                  <Tree<DepartmentNode>
                    showLine
                    blockNode
                    expandedKeys={all.filter((d) => !collapsed.has(d.id)).map((d) => d.id)}
                    onExpand={(keys) => {
                      const open = new Set(keys);
                      setCollapsed(new Set(all.filter((d) => !open.has(d.id)).map((d) => d.id)));
                    }}
                    treeData={tree}
                    titleRender={renderTitle}
                    selectedKeys={selected ? [selected.id] : []}
                    onSelect={(keys) => {
                      const id = keys[0];
                      if (typeof id === 'number') setMode({ kind: 'edit', id });
                    }}
                    data-testid="department-tree"
                  />
                </>
              )}
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            {formCard()}
          </Col>
        </Row>
      )}
    </>
  );
}
