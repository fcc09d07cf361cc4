import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CATEGORY_LABELS,
} from '../../../shared/complaints/complaint-flow.ts';
import { capaFields } from '../../../shared/schemas/capas.ts';
import type { CapaView } from '../../api/capas.ts';
import { useDepartments } from '../../api/departments.ts';
import { useCan } from '../../api/session.ts';
import { zodRule } from '../../components/form-errors.ts';
import { UserPicker } from '../../components/UserPicker.tsx';
import { useI18n } from '../../i18n/context.ts';
import { dayjs } from '../../i18n/format.ts';

/** The report's own fields as the form holds them (the date as a Dayjs). */
export interface CapaGeneralValues {
  title: string;
  problem: string;
  containment?: string | null;
  product?: string | null;
  complaintCategory?: CapaView['complaintCategory'];
  ownerUserId?: number | null;
  departmentId?: number | null;
  dueDate?: Dayjs | null;
}

export function generalValuesOf(capa: CapaView): CapaGeneralValues {
  return {
    title: capa.title,
    problem: capa.problem,
    containment: capa.containment,
    product: capa.product,
    complaintCategory: capa.complaintCategory,
    ownerUserId: capa.owner?.id ?? null,
    departmentId: capa.department?.id ?? null,
    dueDate: capa.dueDate ? dayjs(capa.dueDate) : null,
  };
}

/** What the API takes: trimmed texts (empty → null), the date as YYYY-MM-DD. */
export function generalInput(v: CapaGeneralValues) {
  return {
    title: v.title.trim(),
    problem: v.problem.trim(),
    containment: v.containment?.trim() || null,
    product: v.product?.trim() || null,
    complaintCategory: v.complaintCategory ?? null,
    ownerUserId: v.ownerUserId ?? null,
    departmentId: v.departmentId ?? null,
    dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
  };
}

/** Subject, problem, containment, product and category, owner, department, due date. */
export function CapaGeneralFields({ capa }: { capa?: CapaView | undefined }) {
  const { t, locale } = useI18n();
  const can = useCan();
  const departments = useDepartments(can('department.read'));
  const departmentOptions = (departments.data ?? [])
    .filter((d) => d.isActive || d.id === capa?.department?.id)
    .map((d) => ({ value: d.id, label: d.name }));
  if (capa?.department && !departmentOptions.some((o) => o.value === capa.department?.id))
    departmentOptions.push({ value: capa.department.id, label: capa.department.name });
  return (
    <>
      <Form.Item
        name="title"
        label={t('capas.field.title')}
        rules={[{ required: true, whitespace: true }, zodRule(capaFields.title)]}
      >
        <Input maxLength={200} data-testid="capa-field-title" />
      </Form.Item>
      <Form.Item
        name="problem"
        label={t('capas.field.problem')}
        rules={[{ required: true, whitespace: true }, zodRule(capaFields.problem)]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={8000}
          placeholder={t('capas.field.problemHint')}
          data-testid="capa-field-problem"
        />
      </Form.Item>
      <Form.Item
        name="containment"
        label={t('capas.field.containment')}
        rules={[zodRule(capaFields.containment)]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 8 }}
          maxLength={4000}
          placeholder={t('capas.field.containmentHint')}
          data-testid="capa-field-containment"
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="product" label={t('capas.field.product')} rules={[zodRule(capaFields.product)]}>
            <Input maxLength={200} data-testid="capa-field-product" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="complaintCategory" label={t('capas.field.complaintCategory')}>
            <Select
              allowClear
              options={COMPLAINT_CATEGORIES.map((c) => ({
                value: c,
                label: COMPLAINT_CATEGORY_LABELS[c][locale],
              }))}
              data-testid="capa-field-category"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="ownerUserId" label={t('capas.field.owner')}>
            <UserPicker known={capa?.owner ? [capa.owner] : []} allowClear testId="capa-field-owner" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="departmentId" label={t('capas.field.department')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={departments.isPending && can('department.read')}
              options={departmentOptions}
              data-testid="capa-field-department"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="dueDate" label={t('capas.field.dueDate')}>
            <DatePicker style={{ width: '100%' }} data-testid="capa-field-due" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
