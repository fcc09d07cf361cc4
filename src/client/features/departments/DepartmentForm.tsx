import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Popconfirm, Switch, Tooltip, TreeSelect } from 'antd';
import { departmentCreate } from '../../../shared/schemas/departments.ts';
import { useCreateDepartment, useDeleteDepartment, useUpdateDepartment } from '../../api/departments.ts';
import type { DepartmentView } from '../../api/types.ts';
import { useFormErrors, useNotifyError, zodRule } from '../../components/form-errors.ts';
import { StaffSelect } from '../../components/StaffSelect.tsx';
import { useT } from '../../i18n/context.ts';
import { departmentTree, descendantsOf } from './tree.ts';

interface Values {
  code: string;
  name: string;
  parentId?: number | null;
  description?: string;
  headUserId?: number | null;
  isActive: boolean;
}

interface Props {
  /** null: a new department under `parentId`. */
  department: DepartmentView | null;
  parentId: number | null;
  all: DepartmentView[];
  canManage: boolean;
  onSaved: (department: DepartmentView) => void;
  onDeleted: () => void;
}

export function DepartmentForm({ department, parentId, all, canManage, onSaved, onDeleted }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const remove = useDeleteDepartment();
  const formErrors = useFormErrors();
  const notifyError = useNotifyError();
  const { message } = App.useApp();

  const blocked = department
    ? new Set([department.id, ...descendantsOf(department.id, all)])
    : new Set<number>();
  const hasChildren = department ? all.some((d) => d.parentId === department.id) : false;
  const inUse = department ? department.userCount > 0 || hasChildren : false;

  const submit = (values: Values) => {
    const input = {
      code: values.code.trim(),
      name: values.name.trim(),
      parentId: values.parentId ?? null,
      headUserId: values.headUserId ?? null,
      description: values.description?.trim() ? values.description.trim() : null,
      isActive: values.isActive,
    };
    const handlers = {
      onSuccess: (saved: DepartmentView) => {
        void message.success(department ? t('common.saved') : t('common.created'));
        onSaved(saved);
      },
      onError: (error: unknown) => formErrors(form, error),
    };
    if (department) update.mutate({ id: department.id, patch: input }, handlers);
    else create.mutate(input, handlers);
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      disabled={!canManage}
      name="department"
      initialValues={
        department
          ? {
              code: department.code,
              name: department.name,
              parentId: department.parentId,
              headUserId: department.headUserId,
              description: department.description ?? '',
              isActive: department.isActive,
            }
          : { parentId, isActive: true }
      }
    >
      <Flex gap={16} wrap>
        <Form.Item
          name="name"
          label={t('departments.name')}
          rules={[{ required: true, whitespace: true }, zodRule(departmentCreate.shape.name)]}
          style={{ flex: '1 1 240px' }}
        >
          <Input maxLength={100} placeholder="客户服务部" />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('departments.code')}
          extra={t('departments.codeHint')}
          rules={[{ required: true }, zodRule(departmentCreate.shape.code, t('common.invalidValue'))]}
          style={{ flex: '1 1 240px' }}
        >
          <Input maxLength={50} placeholder="CS" />
        </Form.Item>
      </Flex>
      <Form.Item name="parentId" label={t('departments.parent')}>
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          placeholder={t('departments.noParent')}
          treeData={departmentTree(all, blocked)}
        />
      </Form.Item>
      <Form.Item name="headUserId" label={t('departments.head')} extra={t('departments.headHint')}>
        <StaffSelect
          current={
            department?.headUserId ? { id: department.headUserId, name: department.headName ?? '' } : null
          }
          testId="department-head"
          ariaLabel={t('departments.head')}
        />
      </Form.Item>
      <Form.Item name="description" label={t('departments.description')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Form.Item name="isActive" label={t('departments.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {canManage ? (
        <Flex justify="space-between">
          {department ? (
            <Tooltip title={inUse ? t('departments.deleteBlocked') : undefined}>
              <Popconfirm
                title={t('departments.deleteConfirm', { name: department.name })}
                okButtonProps={{ danger: true }}
                disabled={inUse}
                onConfirm={() =>
                  remove.mutate(department.id, {
                    onSuccess: () => {
                      void message.success(t('common.deleted'));
                      onDeleted();
                    },
                    onError: notifyError,
                  })
                }
              >
                <Button danger icon={<DeleteOutlined />} disabled={inUse} loading={remove.isPending}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </Tooltip>
          ) : (
            <span />
          )}
          <Button
            type="primary"
            htmlType="submit"
            loading={create.isPending || update.isPending}
            data-testid="department-submit"
          >
            {t('common.save')}
          </Button>
        </Flex>
      ) : null}
    </Form>
  );
}
