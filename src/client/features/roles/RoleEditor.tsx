import { DeleteOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { roleCreate } from '../../../shared/schemas/roles.ts';
import { useDeleteRole, useUpdateRole } from '../../api/roles.ts';
import type { RoleView } from '../../api/types.ts';
import { useFormErrors, useNotifyError, zodRule } from '../../components/form-errors.ts';
import { EmptyState } from '../../components/states.tsx';
import { useI18n } from '../../i18n/context.ts';
import { filterGroups, type PermissionGroup } from './group.ts';
import { PermissionMatrix } from './PermissionMatrix.tsx';

interface Props {
  role: RoleView;
  groups: PermissionGroup[];
  canManage: boolean;
  onDirtyChange: (dirty: boolean) => void;
  onDeleted: () => void;
}

const sameSet = (a: ReadonlySet<string>, b: readonly string[]) =>
  a.size === b.length && b.every((k) => a.has(k));

/** Name, description and the permission matrix of one role; saved together. */
export function RoleEditor({ role, groups, canManage, onDirtyChange, onDeleted }: Props) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ name: string; description: string }>();
  const [draft, setDraft] = useState<Set<string>>(() => new Set(role.permissions));
  const [search, setSearch] = useState('');
  const [formDirty, setFormDirty] = useState(false);
  const update = useUpdateRole();
  const remove = useDeleteRole();
  const formErrors = useFormErrors();
  const notifyError = useNotifyError();
  const { message } = App.useApp();

  const locked = role.code === 'admin';
  const editable = canManage && !locked;
  const dirty = formDirty || !sameSet(draft, role.permissions);
  const total = useMemo(() => groups.reduce((n, g) => n + g.permissions.length, 0), [groups]);
  const shown = filterGroups(groups, search, locale);

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const reset = () => {
    setDraft(new Set(role.permissions));
    form.setFieldsValue({ name: role.name, description: role.description ?? '' });
    setFormDirty(false);
  };

  const save = async () => {
    const values = await form.validateFields();
    update.mutate(
      {
        id: role.id,
        patch: {
          name: values.name.trim(),
          description: values.description?.trim() ? values.description.trim() : null,
          permissions: [...draft],
        },
      },
      {
        onSuccess: () => {
          setFormDirty(false);
          void message.success(t('common.saved'));
        },
        onError: (error) => formErrors(form, error),
      },
    );
  };

  return (
    <Card
      data-testid="role-editor"
      title={
        <Flex align="center" gap={8} wrap>
          <span>{role.name}</span>
          <Tag>{role.code}</Tag>
          {dirty ? <Tag color="orange">{t('common.unsaved')}</Tag> : null}
        </Flex>
      }
      extra={
        canManage && !locked ? (
          <Flex gap={8}>
            <Tooltip
              title={role.userCount > 0 ? t('roles.deleteInUse', { count: role.userCount }) : undefined}
            >
              <Popconfirm
                title={t('roles.deleteConfirm', { name: role.name })}
                okButtonProps={{ danger: true }}
                disabled={role.userCount > 0}
                onConfirm={() =>
                  remove.mutate(role.id, {
                    onSuccess: () => {
                      void message.success(t('common.deleted'));
                      onDeleted();
                    },
                    onError: notifyError,
                  })
                }
              >
                <Button
                  danger
                  icon={<DeleteOutlined />}
                  disabled={role.userCount > 0}
                  loading={remove.isPending}
                >
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </Tooltip>
            <Button onClick={reset} disabled={!dirty}>
              {t('common.reset')}
            </Button>
            <Button
              type="primary"
              onClick={() => void save()}
              disabled={!dirty}
              loading={update.isPending}
              data-testid="role-save"
            >
              {t('common.save')}
            </Button>
          </Flex>
        ) : (
          <Tag>{t('common.readOnly')}</Tag>
        )
      }
    >
      {locked ? (
        <Alert type="info" showIcon title={t('roles.adminLocked')} style={{ marginBottom: 16 }} />
      ) : null}
      {!canManage && !locked ? (
        <Alert type="info" showIcon title={t('roles.readOnlyHint')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={{ name: role.name, description: role.description ?? '' }}
        onValuesChange={() => setFormDirty(true)}
      >
        <Flex gap={16} wrap>
          <Form.Item
            name="name"
            label={t('roles.name')}
            rules={[{ required: true, whitespace: true }, zodRule(roleCreate.shape.name)]}
            style={{ flex: '1 1 220px' }}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="description" label={t('roles.description')} style={{ flex: '2 1 320px' }}>
            <Input maxLength={500} />
          </Form.Item>
        </Flex>
      </Form>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Text strong>
          {t('roles.permissions')} ·{' '}
          <Typography.Text type="secondary">
            {t('roles.selected', { count: draft.size, total })}
          </Typography.Text>
        </Typography.Text>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('roles.searchPermissions')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 260 }}
          aria-label={t('roles.searchPermissions')}
        />
      </Flex>
      {shown.length === 0 ? (
        <EmptyState text={t('roles.noPermissionMatch')} />
      ) : (
        <PermissionMatrix groups={shown} value={draft} onChange={setDraft} disabled={!editable} />
      )}
    </Card>
  );
}
