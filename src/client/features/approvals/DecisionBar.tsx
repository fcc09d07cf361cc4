import { CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { type ApprovalRequestView, useCancelApproval, useDecideStep } from '../../api/approvals.ts';
import { errorText } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';

type Action = 'approve' | 'reject' | 'cancel';

/**
 * Approve / Reject for whoever may decide the pending step (a rejection needs a reason), Withdraw for the
 * requester. Each asks for a comment in a dialog; the server's own message shows there if it refuses.
 */
export function DecisionBar({ request }: { request: ApprovalRequestView }) {
  const t = useT();
  const { message } = App.useApp();
  const [action, setAction] = useState<Action | null>(null);
  const [form] = Form.useForm<{ comment?: string }>();
  const decide = useDecideStep();
  const cancel = useCancelApproval();
  const busy = decide.isPending || cancel.isPending;
  const error = decide.error ?? cancel.error;
  const stepId = request.decidableStepId;

  const open = (next: Action) => {
    decide.reset();
    cancel.reset();
    form.resetFields();
    setAction(next);
  };
  const DONE = {
    approved: 'approvals.done.approved',
    rejected: 'approvals.done.rejected',
    cancelled: 'approvals.done.cancelled',
    // Approved this step; the request goes on to the next one.
    pending: 'approvals.done.passedOn',
  } as const;
  const done = (after: ApprovalRequestView) => {
    setAction(null);
    void message.success(t(DONE[after.status]));
  };
  const submit = ({ comment }: { comment?: string }) => {
    const text = comment?.trim() || null;
    if (action === 'cancel') {
      cancel.mutate({ id: request.id, comment: text }, { onSuccess: done });
    } else if (action && stepId !== null) {
      decide.mutate({ stepId, decision: action, comment: text }, { onSuccess: done });
    }
  };

  if (stepId === null && !request.canCancel) return null;
  const confirmLabel =
    action === 'approve'
      ? t('approvals.dialog.confirmApprove')
      : action === 'reject'
        ? t('approvals.dialog.confirmReject')
        : t('approvals.dialog.confirmCancel');
  return (
    <>
      <Flex gap={8} wrap>
        {stepId !== null ? (
          <>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              onClick={() => open('approve')}
              data-testid="approval-approve"
            >
              {t('approvals.action.approve')}
            </Button>
            <Button
              danger
              icon={<CloseOutlined />}
              onClick={() => open('reject')}
              data-testid="approval-reject"
            >
              {t('approvals.action.reject')}
            </Button>
          </>
        ) : null}
        {request.canCancel ? (
          <Button icon={<RollbackOutlined />} onClick={() => open('cancel')} data-testid="approval-cancel">
            {t('approvals.action.cancel')}
          </Button>
        ) : null}
      </Flex>
      <Modal
        open={action !== null}
        title={action ? t(`approvals.dialog.${action}`) : null}
        onCancel={() => setAction(null)}
        destroyOnHidden
        footer={
          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => setAction(null)}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              danger={action === 'reject'}
              loading={busy}
              onClick={() => form.submit()}
              data-testid="approval-confirm"
            >
              {confirmLabel}
            </Button>
          </Flex>
        }
      >
        {error ? (
          <Alert
            type="error"
            showIcon
            title={errorText(error)}
            style={{ marginBottom: 12 }}
            data-testid="approval-error"
          />
        ) : null}
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {request.title}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={action === 'reject'}>
          <Form.Item
            name="comment"
            label={action === 'cancel' ? t('approvals.dialog.cancelComment') : t('approvals.dialog.comment')}
            extra={
              action === 'reject'
                ? t('approvals.dialog.commentRequired')
                : action === 'approve'
                  ? t('approvals.dialog.commentOptional')
                  : undefined
            }
            rules={
              action === 'reject'
                ? [{ required: true, whitespace: true, message: t('approvals.dialog.reasonMissing') }]
                : []
            }
          >
            <Input.TextArea rows={4} maxLength={2000} showCount autoFocus data-testid="approval-comment" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
