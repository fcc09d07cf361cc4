import { App, Col, DatePicker, Descriptions, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  CAPA_ACTION_KINDS,
  type CapaActionKind,
  capaActionComplete,
  capaActionFields,
} from '../../../shared/schemas/capas.ts';
import {
  type CapaActionView,
  type CapaDetail,
  useAddCapaAction,
  useCancelCapaAction,
  useCompleteCapaAction,
  useUpdateCapaAction,
} from '../../api/capas.ts';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { testIdProps } from '../../components/test-id.ts';
import { UserPicker } from '../../components/UserPicker.tsx';
import { useT } from '../../i18n/context.ts';
import { dayjs } from '../../i18n/format.ts';

export type ActionEditing =
  | { mode: 'add' }
  | { mode: 'edit'; action: CapaActionView }
  | { mode: 'complete'; action: CapaActionView }
  | { mode: 'cancel'; action: CapaActionView };

interface Values {
  kind: CapaActionKind;
  description: string;
  documentRef?: string | null;
  ownerUserId?: number | null;
  dueDate?: Dayjs | null;
  note?: string | null;
}

function initialOf(editing: ActionEditing): Partial<Values> {
  if (editing.mode === 'add') return { kind: 'corrective' };
  const a = editing.action;
  return {
    kind: a.kind,
    description: a.description,
    documentRef: a.documentRef,
    ownerUserId: a.owner?.id ?? null,
    dueDate: dayjs(a.dueDate),
  };
}

/** One action: planned (kind, what, document, owner, due date), changed, completed with a note, or cancelled. */
export function CapaActionModal({
  capa,
  editing,
  onClose,
}: {
  capa: CapaDetail;
  editing: ActionEditing;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddCapaAction(capa.id);
  const update = useUpdateCapaAction(capa.id);
  const complete = useCompleteCapaAction(capa.id);
  const cancel = useCancelCapaAction(capa.id);
  const formErrors = useFormErrors();
  const kind = Form.useWatch('kind', form);
  const done = {
    onSuccess: () => {
      void message.success(t('capas.saved'));
      onClose();
    },
    onError: (error: unknown) => formErrors(form, error),
  };

  const submit = (v: Values) => {
    if (editing.mode === 'complete')
      return complete.mutate({ actionId: editing.action.id, note: v.note?.trim() ?? '' }, done);
    if (editing.mode === 'cancel')
      return cancel.mutate({ actionId: editing.action.id, note: v.note?.trim() || null }, done);
    const input = {
      kind: v.kind,
      description: v.description.trim(),
      documentRef: v.documentRef?.trim() || null,
      ownerUserId: v.ownerUserId ?? null,
      dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : '',
    };
    if (editing.mode === 'add') add.mutate(input, done);
    else update.mutate({ actionId: editing.action.id, patch: input }, done);
  };

  const title = {
    add: t('capas.action.addTitle'),
    edit: t('capas.action.editTitle'),
    complete: t('capas.action.completeTitle'),
    cancel: t('capas.action.cancelTitle'),
  }[editing.mode];
  const busy = add.isPending || update.isPending || complete.isPending || cancel.isPending;
  const planning = editing.mode === 'add' || editing.mode === 'edit';

  return (
    <Modal
      open
      width={640}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={editing.mode === 'complete' ? t('capas.action.complete') : t('common.save')}
      okButtonProps={{ danger: editing.mode === 'cancel', ...testIdProps('capa-action-save') }}
      confirmLoading={busy}
      destroyOnHidden
      data-testid="capa-action-modal"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="capa-action"
        initialValues={initialOf(editing)}
        onFinish={submit}
      >
        {planning ? (
          <>
            <Form.Item name="kind" label={t('capas.action.kind')} rules={[{ required: true }]}>
              <Select
                options={CAPA_ACTION_KINDS.map((k) => ({ value: k, label: t(`capas.kind.${k}`) }))}
                data-testid="capa-action-kind"
              />
            </Form.Item>
            <Form.Item
              name="description"
              label={t('capas.action.description')}
              rules={[{ required: true, whitespace: true }, zodRule(capaActionFields.description)]}
            >
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 6 }}
                maxLength={4000}
                data-testid="capa-action-description"
              />
            </Form.Item>
            <Form.Item
              name="documentRef"
              label={t('capas.action.documentRef')}
              extra={t('capas.action.documentRefHint')}
              rules={[
                { required: kind === 'document_change', whitespace: true },
                zodRule(capaActionFields.documentRef),
              ]}
              hidden={kind !== 'document_change'}
            >
              <Input maxLength={300} data-testid="capa-action-document" />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="ownerUserId" label={t('capas.action.owner')}>
                  <UserPicker
                    known={editing.mode === 'edit' && editing.action.owner ? [editing.action.owner] : []}
                    allowClear
                    testId="capa-action-owner"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="dueDate" label={t('capas.action.dueDate')} rules={[{ required: true }]}>
                  <DatePicker style={{ width: '100%' }} data-testid="capa-action-due" />
                </Form.Item>
              </Col>
            </Row>
          </>
        ) : (
          <>
            <Descriptions
              size="small"
              column={1}
              style={{ marginBottom: 16 }}
              items={[
                {
                  key: 'kind',
                  label: t('capas.action.kind'),
                  children: t(`capas.kind.${editing.action.kind}`),
                },
                {
                  key: 'description',
                  label: t('capas.action.description'),
                  children: <span style={{ whiteSpace: 'pre-wrap' }}>{editing.action.description}</span>,
                },
              ]}
            />
            <Form.Item
              name="note"
              label={editing.mode === 'complete' ? t('capas.action.doneNote') : t('capas.action.cancelNote')}
              rules={
                editing.mode === 'complete'
                  ? [{ required: true, whitespace: true }, zodRule(capaActionComplete.shape.note)]
                  : []
              }
            >
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 6 }}
                maxLength={4000}
                data-testid="capa-action-note"
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
