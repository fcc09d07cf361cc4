import { App, Form, Input, Modal, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useCreateCapa } from '../../api/capas.ts';
import type { ComplaintDetail } from '../../api/complaints.ts';
import { useFormErrors } from '../../components/form-errors.ts';
import { testIdProps } from '../../components/test-id.ts';
import { useT } from '../../i18n/context.ts';

interface Values {
  title: string;
  problem: string;
  rootCause?: string;
}

/** What the complaint already knows, as the start of its 《纠正与预防措施报告》. */
function prefill(c: ComplaintDetail): Values {
  const analysis = [...c.steps].reverse().find((s) => s.step === 'analyse' && s.completedAt)?.data ?? {};
  const review = [...c.steps].reverse().find((s) => s.step === 'review' && s.completedAt)?.data ?? {};
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    title: `${c.number} ${c.subject}`.slice(0, 200),
    problem: [c.content, text(review.conclusions)].filter(Boolean).join('\n\n').slice(0, 8000),
    rootCause: text(analysis.rootCause).slice(0, 4000),
  };
}

/** 发起纠正预防 from a valid complaint: the CAPA is filed with the complaint's facts, then opened. */
export function OpenCapaModal({
  complaint,
  open,
  onClose,
}: {
  complaint: ComplaintDetail;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateCapa();
  const formErrors = useFormErrors();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the facts as they were when the dialog opened
  const initial = useMemo(() => prefill(complaint), [open]);
  const required = { required: true, whitespace: true, message: t('complaints.step.required') };

  const submit = (v: Values) =>
    create.mutate(
      {
        source: 'complaint',
        complaintId: complaint.id,
        title: v.title.trim(),
        problem: v.problem.trim(),
        rootCause: v.rootCause?.trim() || null,
        product: complaint.product,
        complaintCategory: complaint.category,
        departmentId: complaint.responsibleDepartmentId,
      },
      {
        onSuccess: (capa) => {
          void message.success(t('complaints.capa.created', { number: capa.number }));
          onClose();
          void navigate(`/capas/${capa.id}`);
        },
        onError: (error) => formErrors(form, error),
      },
    );

  return (
    <Modal
      open={open}
      title={t('complaints.capa.open')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('complaints.capa.create')}
      confirmLoading={create.isPending}
      okButtonProps={testIdProps('complaint-capa-submit')}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('complaints.capa.hint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={initial} preserve={false}>
        <Form.Item name="title" label={t('complaints.capa.title')} rules={[required]}>
          <Input maxLength={200} data-testid="complaint-capa-title" />
        </Form.Item>
        <Form.Item name="problem" label={t('complaints.capa.problem')} rules={[required]}>
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 10 }}
            maxLength={8000}
            data-testid="complaint-capa-problem"
          />
        </Form.Item>
        <Form.Item name="rootCause" label={t('complaints.data.rootCause')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={4000}
            data-testid="complaint-capa-rootCause"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
