import { Col, Divider, Row } from 'antd';
import type { CustomerFieldView } from '../../api/customers-fields.ts';
import { useT } from '../../i18n/context.ts';
import { CustomFieldInputs } from '../tickets/CustomFieldInputs.tsx';

/**
 * 自定义字段 on the customer form: one input per active field (`customer-custom-<key>`), two to a row,
 * required ones marked and checked before saving. Nothing when no field is active.
 */
export function CustomerCustomFields({ fields }: { fields: CustomerFieldView[] }) {
  const t = useT();
  if (fields.length === 0) return null;
  return (
    <div data-testid="customer-custom-fields">
      <Divider titlePlacement="start">{t('customerFields.section')}</Divider>
      <Row gutter={16}>
        {fields.map((field) => (
          <Col xs={24} md={12} key={field.id}>
            <CustomFieldInputs fields={[field]} testIdPrefix="customer-custom-" />
          </Col>
        ))}
      </Row>
    </div>
  );
}
