import { App, Form, Input, Modal, Select } from 'antd';
import { roleCreate } from '../../../shared/schemas/roles.ts';
import { useCreateRole } from '../../api/roles.ts';
import type { RoleView } from '../../api/types.ts';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';
import { useRoleName } from './role-name.ts';

interface Values {
  code: string;
  name: string;
  description?: string;
  copyFrom?: number;
}

export function RoleCreateModal({
  open,
  roles,
  onClose,
  onCreated,
}: {
  open: boolean;
  roles: RoleView[];
  onClose: () => void;
  onCreated: (role: RoleView) => void;
}) {
  const t = useT();
  const roleName = useRoleName();
  const [form] = Form.useForm<Values>();
  const create = useCreateRole();
  const formErrors = useFormErrors();
  const { message } = App.useApp();

  const submit = (values: Values) => {
    const source = roles.find((r) => r.id === values.copyFrom);
    create.mutate(
      {
        code: values.code.trim(),
        name: values.name.trim(),
        description: values.description?.trim() ? values.description.trim() : null,
        permissions: source ? [...source.permissions] : [],
      },
      {
        onSuccess: (role) => {
          void message.success(t('common.created'));
          onCreated(role);
        },
        onError: (error) => formErrors(form, error),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('roles.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false} name="role-create">
        <Form.Item
          name="code"
          label={t('roles.code')}
          extra={t('roles.codeHint')}
          rules={[{ required: true }, zodRule(roleCreate.shape.code, t('common.invalidValue'))]}
        >
          <Input maxLength={50} autoComplete="off" placeholder="e.g. field_engineer" />
        </Form.Item>
        <Form.Item name="name" label={t('roles.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('roles.description')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="copyFrom" label={t('roles.copyFrom')} extra={t('roles.copyFromHint')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={roles.map((r) => ({ value: r.id, label: roleName(r) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
