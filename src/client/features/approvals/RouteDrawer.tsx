import { Col, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import { approvalRouteCreate } from '../../../shared/schemas/approvals.ts';
import { CREDIT_LEVELS } from '../../../shared/schemas/customers.ts';
import {
  type ApprovalFlow,
  type ApprovalRouteView,
  useCreateApprovalRoute,
  useUpdateApprovalRoute,
} from '../../api/approvals.ts';
import { useRoles } from '../../api/roles.ts';
import { useCan } from '../../api/session.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { UserPicker } from '../../components/UserPicker.tsx';
import { useT } from '../../i18n/context.ts';
import { useFlowLabel } from './labels.tsx';

type Level = (typeof CREDIT_LEVELS)[number];

interface Values {
  name: string;
  creditLevels?: Level[];
  minAmount?: number | null;
  maxAmount?: number | null;
  approverKind: 'role' | 'user';
  approverRoleId?: number | null;
  approverUserId?: number | null;
  isActive: boolean;
}

const bound = (v: number | null | undefined): number | undefined => (v === null ? undefined : v);

/** Add (route null) or edit one step of a flow: its condition and who decides it. */
export function RouteDrawer({
  flow,
  route,
  nextPosition,
  onClose,
}: {
  flow: ApprovalFlow | string;
  route: ApprovalRouteView | null;
  nextPosition: number;
  onClose: () => void;
}) {
  const t = useT();
  const can = useCan();
  const flowLabel = useFlowLabel();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('approverKind', form);
  const roles = useRoles(can('role.read'));
  const create = useCreateApprovalRoute();
  const update = useUpdateApprovalRoute();
  const formErrors = useFormErrors();

  const initial: Values = route
    ? {
        name: route.name,
        creditLevels: route.condition.creditLevels ?? [],
        minAmount: route.condition.minAmount ?? null,
        maxAmount: route.condition.maxAmount ?? null,
        approverKind: route.approverUserId ? 'user' : 'role',
        approverRoleId: route.approverRoleId,
        approverUserId: route.approverUserId,
        isActive: route.isActive,
      }
    : { name: '', creditLevels: [], approverKind: 'role', isActive: true };

  const roleOptions = new Map<number, string>();
  if (route?.approverRoleId)
    roleOptions.set(route.approverRoleId, route.approverRoleName ?? `#${route.approverRoleId}`);
  for (const r of roles.data ?? []) roleOptions.set(r.id, r.name);

  const submit = (v: Values) => {
    const min = bound(v.minAmount);
    const max = bound(v.maxAmount);
    if (min !== undefined && max !== undefined && min > max) {
      form.setFields([{ name: 'minAmount', errors: [t('routes.f.amountOrder')] }]);
      return;
    }
    const condition = {
      ...(v.creditLevels?.length ? { creditLevels: v.creditLevels } : {}),
      ...(min !== undefined ? { minAmount: min } : {}),
      ...(max !== undefined ? { maxAmount: max } : {}),
    };
    const approver =
      v.approverKind === 'user'
        ? { approverUserId: v.approverUserId ?? null, approverRoleId: null }
        : { approverRoleId: v.approverRoleId ?? null, approverUserId: null };
    const body = { name: v.name.trim(), condition, isActive: v.isActive, ...approver };
    const onError = (error: unknown) => formErrors(form, error);
    if (route) update.mutate({ id: route.id, patch: body }, { onSuccess: onClose, onError });
    else
      create.mutate(
        { ...body, flow: flow as ApprovalFlow, position: nextPosition },
        { onSuccess: onClose, onError },
      );
  };

  return (
    <FormDrawer<Values>
      onClose={onClose}
      size={480}
      title={`${route ? t('routes.edit') : t('routes.create')} · ${flowLabel(flow)}`}
      testId="route-drawer"
      form={form}
      onFinish={submit}
      pending={create.isPending || update.isPending}
      submitTestId="route-save"
      formProps={{ initialValues: initial }}
    >
      <Form.Item
        name="name"
        label={t('routes.f.name')}
        rules={[{ required: true, whitespace: true }, zodRule(approvalRouteCreate.shape.name)]}
      >
        <Input maxLength={100} data-testid="route-name" />
      </Form.Item>
      <Form.Item
        name="creditLevels"
        label={t('routes.f.creditLevels')}
        extra={t('routes.f.creditLevelsHint')}
      >
        <Select
          mode="multiple"
          allowClear
          options={CREDIT_LEVELS.map((l) => ({ value: l, label: t('admission.level', { level: l }) }))}
          data-testid="route-levels"
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="minAmount" label={t('routes.f.minAmount')}>
            <InputNumber<number> min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="maxAmount" label={t('routes.f.maxAmount')}>
            <InputNumber<number> min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -16 }}>
        {t('routes.f.amountHint')}
      </Typography.Paragraph>
      <Form.Item name="approverKind" label={t('routes.f.approverKind')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'role', label: t('routes.f.byRole') },
            { value: 'user', label: t('routes.f.byUser') },
          ]}
        />
      </Form.Item>
      {(kind ?? initial.approverKind) === 'user' ? (
        <Form.Item name="approverUserId" label={t('routes.f.user')} rules={[{ required: true }]}>
          <UserPicker
            known={
              route?.approverUserId ? [{ id: route.approverUserId, name: route.approverUserName ?? '' }] : []
            }
            testId="route-user"
          />
        </Form.Item>
      ) : (
        <Form.Item
          name="approverRoleId"
          label={t('routes.f.role')}
          extra={t('routes.f.roleHint')}
          rules={[{ required: true }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={roles.isPending && roles.fetchStatus !== 'idle'}
            options={[...roleOptions].map(([value, label]) => ({ value, label }))}
            data-testid="route-role"
          />
        </Form.Item>
      )}
      <Form.Item name="isActive" label={t('routes.f.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormDrawer>
  );
}
