import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { COMPLAINT_CATEGORY_LABELS } from '../../../shared/complaints/complaint-flow.ts';
import { type CapaDetail, useUpdateCapa } from '../../api/capas.ts';
import { useFormErrors } from '../../components/form-errors.ts';
import { testIdProps } from '../../components/test-id.ts';
import { useI18n } from '../../i18n/context.ts';
import {
  CapaGeneralFields,
  type CapaGeneralValues,
  generalInput,
  generalValuesOf,
} from './CapaGeneralFields.tsx';
import { dash } from './labels.tsx';

function EditModal({ capa, onClose }: { capa: CapaDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CapaGeneralValues>();
  const update = useUpdateCapa(capa.id);
  const formErrors = useFormErrors();
  return (
    <Modal
      open
      width={720}
      title={t('capas.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={testIdProps('capa-edit-save')}
      confirmLoading={update.isPending}
      destroyOnHidden
      data-testid="capa-edit-modal"
    >
      <Form<CapaGeneralValues>
        form={form}
        layout="vertical"
        name="capa-edit"
        initialValues={generalValuesOf(capa)}
        onFinish={(v) =>
          update.mutate(generalInput(v), {
            onSuccess: () => {
              void message.success(t('capas.saved'));
              onClose();
            },
            onError: (e) => formErrors(form, e),
          })
        }
      >
        <CapaGeneralFields capa={capa} />
      </Form>
    </Modal>
  );
}

const pre = (text: string | null) =>
  text ? (
    <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>
  ) : (
    <Typography.Text type="secondary">{dash}</Typography.Text>
  );

/** 问题描述与围堵措施, with product, category, owner, department and due date. */
export function CapaProblemCard({ capa, editable }: { capa: CapaDetail; editable: boolean }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState(false);
  return (
    <Card
      size="small"
      title={t('capas.section.problem')}
      data-testid="capa-problem"
      extra={
        editable ? (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="capa-edit"
          >
            {t('capas.edit')}
          </Button>
        ) : null
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'problem', label: t('capas.field.problem'), span: 'filled', children: pre(capa.problem) },
          {
            key: 'containment',
            label: t('capas.field.containment'),
            span: 'filled',
            children: pre(capa.containment),
          },
          { key: 'product', label: t('capas.field.product'), children: capa.product ?? dash },
          {
            key: 'category',
            label: t('capas.field.complaintCategory'),
            children: capa.complaintCategory
              ? COMPLAINT_CATEGORY_LABELS[capa.complaintCategory][locale]
              : dash,
          },
          { key: 'owner', label: t('capas.field.owner'), children: capa.owner?.name ?? dash },
          { key: 'department', label: t('capas.field.department'), children: capa.department?.name ?? dash },
          { key: 'due', label: t('capas.field.dueDate'), children: capa.dueDate ?? dash },
          { key: 'source', label: t('capas.field.source'), children: t(`capas.source.${capa.source}`) },
        ]}
      />
      {editing ? <EditModal capa={capa} onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}
