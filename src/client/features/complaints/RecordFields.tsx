import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_OBJECTS,
  COMPLAINT_SEVERITIES,
} from '../../../shared/complaints/complaint-flow.ts';
import { StaffSelect } from '../../components/StaffSelect.tsx';
import { useT } from '../../i18n/context.ts';
import { useComplaintLabels } from './labels.tsx';

/**
 * The 《客户投诉记录表》 fields shared by registering a complaint and editing its record: what it is about,
 * its category and severity, the reason and the customer's demand, how to reach them and what was promised.
 */
export function RecordFields({ owner }: { owner?: { id: number; name: string } | null }) {
  const t = useT();
  const labels = useComplaintLabels();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="category" label={t('complaints.field.category')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={COMPLAINT_CATEGORIES.map((c) => ({
                value: c,
                label: labels.category(c),
                'data-testid': `complaint-category-${c}`,
              }))}
              data-testid="complaint-field-category"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="severity" label={t('complaints.field.severity')} rules={[{ required: true }]}>
            <Select
              options={COMPLAINT_SEVERITIES.map((s) => ({
                value: s,
                label: labels.severity(s),
                'data-testid': `complaint-severity-${s}`,
              }))}
              data-testid="complaint-field-severity"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="objectType" label={t('complaints.field.objectType')} rules={[{ required: true }]}>
            <Select
              options={COMPLAINT_OBJECTS.map((o) => ({ value: o, label: labels.object(o) }))}
              data-testid="complaint-field-objectType"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="objectRef" label={t('complaints.field.objectRef')}>
            <Input
              maxLength={200}
              placeholder={t('complaints.field.objectRefHint')}
              data-testid="complaint-field-objectRef"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="product" label={t('complaints.field.product')}>
            <Input maxLength={200} data-testid="complaint-field-product" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="reason" label={t('complaints.field.reason')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          data-testid="complaint-field-reason"
        />
      </Form.Item>
      <Form.Item name="demand" label={t('complaints.field.demand')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          data-testid="complaint-field-demand"
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="contactDetails" label={t('complaints.field.contactDetails')}>
            <Input maxLength={500} data-testid="complaint-field-contactDetails" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="promisedAt"
            label={t('complaints.field.promisedAt')}
            tooltip={t('complaints.field.promisedAtHint')}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              data-testid="complaint-field-promisedAt"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="ownerUserId"
            label={t('complaints.field.owner')}
            tooltip={t('complaints.field.ownerHint')}
          >
            <StaffSelect
              current={owner}
              testId="complaint-field-owner"
              ariaLabel={t('complaints.field.owner')}
            />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
