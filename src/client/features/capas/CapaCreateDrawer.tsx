import { App, Col, Form, Row, Select } from 'antd';
import { useNavigate } from 'react-router';
import { CAPA_MANUAL_SOURCES } from '../../../shared/schemas/capas.ts';
import { useCreateCapa } from '../../api/capas.ts';
import { useCan } from '../../api/session.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useFormErrors } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';
import { CapaGeneralFields, type CapaGeneralValues, generalInput } from './CapaGeneralFields.tsx';
import { ComplaintPicker } from './ComplaintPicker.tsx';

type Source = (typeof CAPA_MANUAL_SOURCES)[number];

interface Values extends CapaGeneralValues {
  source: Source;
  complaintId?: number | null;
}

/**
 * 新建 CAPA: standalone (survey, quality monitoring, audit, internal) or from a complaint. Opened with a
 * complaint id (`/capas?new=1&complaintId=…`, from the complaint's page) it starts as a complaint CAPA.
 */
export function CapaCreateDrawer({
  open,
  complaintId,
  onClose,
}: {
  open: boolean;
  complaintId?: number | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateCapa();
  const formErrors = useFormErrors();
  const source = Form.useWatch('source', form);
  const sources = CAPA_MANUAL_SOURCES.filter((s) => s !== 'complaint' || can('complaint.read'));

  const submit = (v: Values) => {
    create.mutate(
      {
        ...generalInput(v),
        source: v.source,
        complaintId: v.source === 'complaint' ? (v.complaintId ?? null) : null,
      },
      {
        onSuccess: (capa) => {
          void message.success(t('capas.created', { number: capa.number }));
          onClose();
          void navigate(`/capas/${capa.id}`);
        },
        onError: (error) => formErrors(form, error),
      },
    );
  };

  return (
    <FormDrawer<Values>
      open={open}
      onClose={onClose}
      size={720}
      title={t('capas.create.title')}
      testId="capa-create-drawer"
      form={form}
      onFinish={submit}
      pending={create.isPending}
      submitTestId="capa-create-save"
      formTestId="capa-create-form"
      formProps={{
        name: 'capa-create',
        initialValues: {
          source: complaintId && can('complaint.read') ? 'complaint' : 'internal',
          complaintId: complaintId ?? null,
        },
        scrollToFirstError: true,
      }}
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="source" label={t('capas.field.source')} rules={[{ required: true }]}>
            <Select
              options={sources.map((s) => ({ value: s, label: t(`capas.source.${s}`) }))}
              data-testid="capa-field-source"
            />
          </Form.Item>
        </Col>
        {source === 'complaint' ? (
          <Col xs={24} md={12}>
            <Form.Item
              name="complaintId"
              label={t('capas.field.complaint')}
              extra={t('capas.field.complaintHint')}
              rules={[{ required: true }]}
            >
              <ComplaintPicker
                onPick={(complaint) => {
                  if (!complaint) return;
                  // Taken over unless the user already chose their own.
                  const current = form.getFieldsValue(['product', 'complaintCategory']);
                  form.setFieldsValue({
                    product: current.product || complaint.product,
                    complaintCategory: current.complaintCategory ?? complaint.category,
                  });
                }}
              />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
      <CapaGeneralFields />
    </FormDrawer>
  );
}
