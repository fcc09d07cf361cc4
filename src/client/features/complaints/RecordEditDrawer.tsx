import { App, Form, Input } from 'antd';
import { useMemo } from 'react';
import { type ComplaintDetail, useUpdateComplaint } from '../../api/complaints.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useFormErrors } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';
import { useTimeZone } from '../../i18n/format.ts';
import { type EditValues, editPayload, editValuesOf } from './form-values.ts';
import { RecordFields } from './RecordFields.tsx';

/** Completing or correcting the 《客户投诉记录表》 (a portal or email complaint arrives with little of it). */
export function RecordEditDrawer({
  complaint,
  open,
  onClose,
}: {
  complaint: ComplaintDetail;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const zone = useTimeZone();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateComplaint(complaint.id);
  const formErrors = useFormErrors();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the values of the complaint as it was when opened
  const initial = useMemo(() => editValuesOf(complaint, zone), [open, zone]);

  const submit = (v: EditValues) =>
    update.mutate(editPayload(v, zone), {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: (error) => formErrors(form, error),
    });

  return (
    <FormDrawer<EditValues>
      open={open}
      onClose={onClose}
      title={t('complaints.editRecord', { number: complaint.number })}
      size={720}
      actionsInHeader
      form={form}
      onFinish={submit}
      pending={update.isPending}
      submitTestId="complaint-record-save"
      formTestId="complaint-record-form"
      formProps={{ initialValues: initial, preserve: false, scrollToFirstError: true }}
    >
      <Form.Item
        name="content"
        label={t('complaints.field.content')}
        rules={[{ required: true, whitespace: true, message: t('complaints.step.required') }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={20000}
          data-testid="complaint-field-content"
        />
      </Form.Item>
      <RecordFields
        owner={
          complaint.ownerUserId && complaint.ownerName
            ? { id: complaint.ownerUserId, name: complaint.ownerName }
            : null
        }
      />
    </FormDrawer>
  );
}
