import { App, Col, DatePicker, Descriptions, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { MEASURE_STATUSES, measureCreate, measureUpdate } from '../../../shared/schemas/key-accounts.ts';
import {
  type KeyAccountCard,
  type KeyAccountMeasure,
  useAddMeasure,
  useUpdateMeasure,
} from '../../api/key-accounts.ts';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { testIdProps } from '../../components/test-id.ts';
import { UserPicker } from '../../components/UserPicker.tsx';
import { useT } from '../../i18n/context.ts';
import { dayjs } from '../../i18n/format.ts';

export type MeasureEditing =
  | { mode: 'add' }
  | { mode: 'edit'; measure: KeyAccountMeasure }
  | { mode: 'complete'; measure: KeyAccountMeasure };

interface Values {
  issue: string;
  measure: string;
  ownerUserId?: number | null;
  dueOn?: Dayjs | null;
  status?: KeyAccountMeasure['status'];
  result?: string | null;
}

const shape = measureCreate.shape;

function initialOf(editing: MeasureEditing): Partial<Values> {
  if (editing.mode === 'add') return {};
  const m = editing.measure;
  return {
    issue: m.issue,
    measure: m.measure,
    ownerUserId: m.owner?.id ?? null,
    dueOn: m.dueOn ? dayjs(m.dueOn) : null,
    status: editing.mode === 'complete' ? 'done' : m.status,
    result: m.result,
  };
}

/** One row of the 对策一览表: new, edited, or completed with its result. */
export function MeasureModal({
  card,
  editing,
  onClose,
}: {
  card: KeyAccountCard;
  editing: MeasureEditing;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddMeasure(card.customerId, card.id);
  const update = useUpdateMeasure(card.customerId);
  const formErrors = useFormErrors();
  const done = {
    onSuccess: () => {
      void message.success(t('keyAccounts.m.saved'));
      onClose();
    },
    onError: (error: unknown) => formErrors(form, error),
  };

  const submit = (v: Values) => {
    const result = v.result?.trim() || null;
    if (editing.mode === 'complete') {
      update.mutate({ id: editing.measure.id, patch: { status: 'done', result } }, done);
      return;
    }
    const input = {
      issue: v.issue.trim(),
      measure: v.measure.trim(),
      ownerUserId: v.ownerUserId ?? null,
      dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null,
    };
    if (editing.mode === 'add') add.mutate(input, done);
    else update.mutate({ id: editing.measure.id, patch: { ...input, status: v.status, result } }, done);
  };

  const known = editing.mode !== 'add' && editing.measure.owner ? [editing.measure.owner] : [];
  const title =
    editing.mode === 'add'
      ? t('keyAccounts.m.addTitle')
      : editing.mode === 'edit'
        ? t('keyAccounts.m.editTitle')
        : t('keyAccounts.m.completeTitle');

  return (
    <Modal
      open
      width={640}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={editing.mode === 'complete' ? t('keyAccounts.m.complete') : t('common.save')}
      okButtonProps={testIdProps('ka-measure-save')}
      confirmLoading={add.isPending || update.isPending}
      destroyOnHidden
      data-testid="ka-measure-modal"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="key-account-measure"
        initialValues={initialOf(editing)}
        onFinish={submit}
      >
        {editing.mode === 'complete' ? (
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'issue', label: t('keyAccounts.m.issue'), children: editing.measure.issue },
              { key: 'measure', label: t('keyAccounts.m.measure'), children: editing.measure.measure },
            ]}
          />
        ) : (
          <>
            <Form.Item
              name="issue"
              label={t('keyAccounts.m.issue')}
              rules={[{ required: true, whitespace: true }, zodRule(shape.issue)]}
            >
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={500}
                placeholder={t('keyAccounts.m.issueHint')}
                data-testid="ka-measure-issue"
              />
            </Form.Item>
            <Form.Item
              name="measure"
              label={t('keyAccounts.m.measure')}
              rules={[{ required: true, whitespace: true }, zodRule(shape.measure)]}
            >
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 6 }}
                maxLength={2000}
                data-testid="ka-measure-measure"
              />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="ownerUserId" label={t('keyAccounts.m.owner')}>
                  <UserPicker known={known} allowClear testId="ka-measure-owner" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="dueOn" label={t('keyAccounts.m.dueOn')}>
                  <DatePicker style={{ width: '100%' }} data-testid="ka-measure-due" />
                </Form.Item>
              </Col>
              {editing.mode === 'edit' ? (
                <Col xs={24} md={12}>
                  <Form.Item name="status" label={t('keyAccounts.m.status')}>
                    <Select
                      options={MEASURE_STATUSES.map((s) => ({ value: s, label: t(`keyAccounts.ms.${s}`) }))}
                      data-testid="ka-measure-status"
                    />
                  </Form.Item>
                </Col>
              ) : null}
            </Row>
          </>
        )}
        {editing.mode === 'add' ? null : (
          <Form.Item
            name="result"
            label={t('keyAccounts.m.result')}
            rules={[zodRule(measureUpdate.shape.result)]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={2000}
              placeholder={t('keyAccounts.m.resultHint')}
              data-testid="ka-measure-result"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
