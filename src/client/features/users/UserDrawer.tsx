import { ThunderboltOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Radio, Select, Space, TreeSelect } from 'antd';
import { useState } from 'react';
import { LOCALES, type Locale } from '../../../shared/locale.ts';
import { userCreate } from '../../../shared/schemas/users.ts';
import { useDepartments } from '../../api/departments.ts';
import { useRoles } from '../../api/roles.ts';
import { useCan } from '../../api/session.ts';
import type { UserView } from '../../api/types.ts';
import { type UserCreateInput, useCreateUser, useUpdateUser } from '../../api/users.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { randomPassword } from '../../components/random-password.ts';
import { useI18n } from '../../i18n/context.ts';
import { LOCALE_NAMES } from '../../i18n/locale-preference.ts';
import { departmentTree } from '../departments/tree.ts';
import { useRoleName } from '../roles/role-name.ts';

interface Values {
  username: string;
  displayName: string;
  email?: string;
  phone?: string;
  jobTitle?: string;
  departmentId?: number | null;
  locale: Locale;
  roleIds: number[];
  password?: string;
  status?: 'active' | 'disabled';
}

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** Create (user === null) or edit a user. */
export function UserDrawer({
  open,
  user,
  onClose,
}: {
  open: boolean;
  user: UserView | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const roleName = useRoleName();
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const roles = useRoles(open && can('role.read'));
  const departments = useDepartments(open && can('department.read'));
  const create = useCreateUser();
  const update = useUpdateUser();
  const formErrors = useFormErrors();
  const { message } = App.useApp();
  const editing = user !== null;

  const [showPassword, setShowPassword] = useState(false);
  const initialValues: Partial<Values> = user
    ? {
        username: user.username,
        displayName: user.displayName,
        email: user.email ?? '',
        phone: user.phone ?? '',
        jobTitle: user.jobTitle ?? '',
        departmentId: user.departmentId,
        locale: user.locale,
        roleIds: user.roleIds,
        status: user.status,
      }
    : { locale, roleIds: [] };

  const submit = (values: Values) => {
    const common = {
      displayName: values.displayName.trim(),
      email: blankToNull(values.email),
      phone: blankToNull(values.phone),
      jobTitle: blankToNull(values.jobTitle),
      departmentId: values.departmentId ?? null,
      locale: values.locale,
      // Without the roles field (no role.read) the user keeps the roles they have.
      roleIds: values.roleIds ?? user?.roleIds ?? [],
    };
    const onError = (error: unknown) => formErrors(form, error);
    if (user) {
      update.mutate(
        { id: user.id, patch: { ...common, ...(values.status ? { status: values.status } : {}) } },
        {
          onSuccess: () => {
            void message.success(t('common.saved'));
            onClose();
          },
          onError,
        },
      );
    } else {
      const input: UserCreateInput = {
        ...common,
        username: values.username.trim(),
        password: values.password ?? '',
      };
      create.mutate(input, {
        onSuccess: () => {
          void message.success(t('users.created'));
          onClose();
        },
        onError,
      });
    }
  };

  const shape = userCreate.shape;
  return (
    <FormDrawer<Values>
      open={open}
      onClose={onClose}
      size={520}
      title={editing ? t('users.edit') : t('users.create')}
      testId="user-drawer"
      form={form}
      onFinish={submit}
      pending={create.isPending || update.isPending}
      submitTestId="user-submit"
      formProps={{ name: 'user', initialValues }}
    >
      <Form.Item
        name="username"
        label={t('users.username')}
        extra={editing ? undefined : t('users.usernameHint')}
        rules={[{ required: true, whitespace: true }, zodRule(shape.username, t('common.invalidValue'))]}
      >
        <Input disabled={editing} autoComplete="off" maxLength={50} />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[{ required: true, whitespace: true }, zodRule(shape.displayName)]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item
          name="email"
          label={t('users.email')}
          rules={[zodRule(shape.email, t('common.invalidEmail'))]}
          style={{ flex: 1 }}
        >
          <Input inputMode="email" autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')} rules={[zodRule(shape.phone)]} style={{ flex: 1 }}>
          <Input maxLength={50} />
        </Form.Item>
      </Flex>
      <Flex gap={16}>
        <Form.Item
          name="jobTitle"
          label={t('users.jobTitle')}
          rules={[zodRule(shape.jobTitle)]}
          style={{ flex: 1 }}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="locale" label={t('users.locale')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <Select options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} />
        </Form.Item>
      </Flex>
      <Form.Item name="departmentId" label={t('users.department')}>
        <TreeSelect
          allowClear
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll
          loading={departments.isPending && departments.fetchStatus !== 'idle'}
          treeData={departments.data ? departmentTree(departments.data) : []}
          placeholder={t('users.noDepartment')}
          data-testid="user-department"
        />
      </Form.Item>
      {can('role.read') ? (
        <Form.Item name="roleIds" label={t('users.roles')}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={roles.isPending}
            placeholder={t('users.noRoles')}
            options={(roles.data ?? []).map((r) => ({
              value: r.id,
              label: roleName(r),
              'data-testid': `role-option-${r.code}`,
            }))}
            data-testid="user-roles"
          />
        </Form.Item>
      ) : (
        <Alert type="info" showIcon title={t('users.rolesUnavailable')} style={{ marginBottom: 24 }} />
      )}
      {editing ? (
        <Form.Item name="status" label={t('common.status')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'active', label: t('common.active') },
              { value: 'disabled', label: t('common.disabled') },
            ]}
          />
        </Form.Item>
      ) : (
        <Form.Item label={t('users.initialPassword')} required extra={t('users.initialPasswordHint')}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="password"
              noStyle
              messageVariables={{ label: t('users.initialPassword') }}
              rules={[{ required: true }, zodRule(shape.password, t('auth.passwordTooShort'))]}
            >
              <Input.Password
                autoComplete="new-password"
                aria-label={t('users.initialPassword')}
                visibilityToggle={{ visible: showPassword, onVisibleChange: setShowPassword }}
              />
            </Form.Item>
            <Button
              icon={<ThunderboltOutlined />}
              onClick={() => {
                form.setFieldValue('password', randomPassword());
                setShowPassword(true);
                void form.validateFields(['password']);
              }}
              title={t('users.generate')}
              aria-label={t('users.generate')}
            />
          </Space.Compact>
        </Form.Item>
      )}
    </FormDrawer>
  );
}
