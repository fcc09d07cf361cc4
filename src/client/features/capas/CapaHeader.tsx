import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  PlayCircleOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal, Popconfirm } from 'antd';
import { useState } from 'react';
import { capaDismiss } from '../../../shared/schemas/capas.ts';
import {
  type CapaDetail,
  type CapaTransition,
  capaPrintUrl,
  useCapaTransition,
  useDismissCapa,
} from '../../api/capas.ts';
import { useCan } from '../../api/session.ts';
import { DetailHeader } from '../../components/DetailPage.tsx';
import { useFormErrors, useNotifyError, zodRule } from '../../components/form-errors.ts';
import { PrintButton } from '../../components/PrintButton.tsx';
import { testIdProps } from '../../components/test-id.ts';
import { useT } from '../../i18n/context.ts';
import { CapaVerifyModal } from './CapaVerifyModal.tsx';
import { CapaStatusTag } from './labels.tsx';

function DismissModal({ capa, onClose }: { capa: CapaDetail; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const dismiss = useDismissCapa(capa.id);
  const formErrors = useFormErrors();
  return (
    <Modal
      open
      title={t('capas.dismiss.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('capas.do.dismiss')}
      okButtonProps={{ danger: true, ...testIdProps('capa-dismiss-confirm') }}
      confirmLoading={dismiss.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="capa-dismiss"
        onFinish={(v) =>
          dismiss.mutate(v.reason.trim(), { onSuccess: onClose, onError: (e) => formErrors(form, e) })
        }
      >
        <Form.Item
          name="reason"
          label={t('capas.dismiss.reason')}
          rules={[{ required: true, whitespace: true }, zodRule(capaDismiss.shape.reason)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            data-testid="capa-dismiss-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Number, status, subject and the buttons for the moves the caller may make from this status. */
export function CapaHeader({ capa }: { capa: CapaDetail }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const transition = useCapaTransition(capa.id);
  const [dialog, setDialog] = useState<'dismiss' | 'verify' | null>(null);
  const manage = can('capa.manage');
  const run = (to: CapaTransition) =>
    transition.mutate(to, { onSuccess: () => void message.success(t('capas.saved')), onError: notifyError });
  const busy = (to: CapaTransition) => transition.isPending && transition.variables === to;

  const buttons = (
    <Flex gap={8} wrap>
      <PrintButton href={capaPrintUrl(capa.id)} testId="capa-print">
        {t('capas.print')}
      </PrintButton>
      {manage && capa.status === 'proposed' ? (
        <>
          <Button
            icon={<CloseCircleOutlined />}
            danger
            onClick={() => setDialog('dismiss')}
            data-testid="capa-dismiss"
          >
            {t('capas.do.dismiss')}
          </Button>
          <Button
            type="primary"
            icon={<CheckCircleOutlined />}
            loading={busy('accept')}
            onClick={() => run('accept')}
            data-testid="capa-accept"
          >
            {t('capas.do.accept')}
          </Button>
        </>
      ) : null}
      {manage && capa.status === 'open' ? (
        <Popconfirm title={t('capas.do.startConfirm')} onConfirm={() => run('start')}>
          <Button
            type="primary"
            icon={<PlayCircleOutlined />}
            loading={busy('start')}
            data-testid="capa-start"
          >
            {t('capas.do.start')}
          </Button>
        </Popconfirm>
      ) : null}
      {manage && capa.status === 'in_progress' ? (
        <Popconfirm title={t('capas.do.submitConfirm')} onConfirm={() => run('submit')}>
          <Button type="primary" icon={<SendOutlined />} loading={busy('submit')} data-testid="capa-submit">
            {t('capas.do.submit')}
          </Button>
        </Popconfirm>
      ) : null}
      {can('capa.verify') && capa.status === 'verifying' ? (
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          onClick={() => setDialog('verify')}
          data-testid="capa-verify"
        >
          {t('capas.do.verify')}
        </Button>
      ) : null}
    </Flex>
  );

  return (
    <>
      <DetailHeader
        back={{ to: '/capas', label: t('capas.back') }}
        number={{ value: capa.number, testId: 'capa-number' }}
        tags={<CapaStatusTag status={capa.status} testId="capa-status" />}
        title={capa.title}
        titleTestId="capa-title"
        actions={buttons}
      />
      {dialog === 'dismiss' ? <DismissModal capa={capa} onClose={() => setDialog(null)} /> : null}
      {dialog === 'verify' ? <CapaVerifyModal capa={capa} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
