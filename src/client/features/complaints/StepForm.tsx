import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, type FormInstance, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ComplaintStep } from '../../../shared/complaints/complaint-flow.ts';
import { isApiError } from '../../api/client.ts';
import {
  type ComplaintDetail,
  type ComplaintStepView,
  type DraftKind,
  useComplaintDraft,
  useCompleteStep,
} from '../../api/complaints.ts';
import { StaffSelect } from '../../components/StaffSelect.tsx';
import { errorText } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useTimeZone } from '../../i18n/format.ts';
import { todayIn, toPicker } from './form-values.ts';
import { useComplaintLabels } from './labels.tsx';
import { StepFields } from './StepFields.tsx';
import { checkStep, HANDS_ON, type StepValues } from './step-payload.ts';

/** The steps whose text starts from an editable template, and the field it fills. */
const DRAFTS: Partial<
  Record<ComplaintStep, { kind: DraftKind; field: 'message' | 'explanation' | 'replyText' }>
> = {
  acknowledge: { kind: 'acknowledge', field: 'message' },
  explain: { kind: 'explanation', field: 'explanation' },
  reply: { kind: 'reply', field: 'replyText' },
};

/** What a step's form starts with: the last attempt's values (a returned final report), today's date… */
function initialValues(step: ComplaintStep, open: ComplaintStepView, zone: string): StepValues {
  const data = open.data as Record<string, unknown>;
  switch (step) {
    case 'investigate':
      return { onSiteVisited: false };
    case 'revisit':
      return { revisitedOn: todayIn(zone), method: 'phone' };
    case 'final_report':
      return { summary: typeof data.summary === 'string' ? data.summary : '' };
    default:
      return {};
  }
}

/** Fills the template text into its field once it arrives, unless the agent already wrote something. */
function useDraftPrefill(
  form: FormInstance<StepValues>,
  complaintId: number,
  step: ComplaintStep,
  zone: string,
) {
  const draft = DRAFTS[step];
  const query = useComplaintDraft(complaintId, draft?.kind ?? null);
  const apply = (force: boolean) => {
    if (!draft || !query.data) return;
    if (force || !form.getFieldValue(draft.field)) form.setFieldValue(draft.field, query.data.body);
    if (step === 'acknowledge' && (force || !form.getFieldValue('promisedAt')))
      form.setFieldValue('promisedAt', toPicker(query.data.promisedAt, zone));
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per arriving draft
  useEffect(() => apply(false), [query.data]);
  return { draft, query, reapply: () => apply(true) };
}

/**
 * The form of the complaint's current step (only shown to someone who may complete it): what the step
 * records, whom to hand the next step to, and the server's answer when it refuses (wrong step, unsettled
 * compensation, final report awaiting approval…).
 */
export function StepForm({ complaint, open }: { complaint: ComplaintDetail; open: ComplaintStepView }) {
  const t = useT();
  const zone = useTimeZone();
  const labels = useComplaintLabels();
  const { message } = App.useApp();
  const step = open.step;
  const [form] = Form.useForm<StepValues>();
  const complete = useCompleteStep(complaint.id);
  const [failure, setFailure] = useState<string | null>(null);
  const { draft, query: draftQuery, reapply } = useDraftPrefill(form, complaint.id, step, zone);

  const submit = (values: StepValues) => {
    setFailure(null);
    const checked = checkStep(step, values, zone);
    if (!checked.ok) {
      form.setFields(checked.issues.map((i) => ({ name: i.name as never, errors: [i.message] })));
      return;
    }
    complete.mutate(checked.submission, {
      onSuccess: (after) => {
        void message.success(
          after.stage === 'closed'
            ? t('complaints.step.closedNow')
            : after.stage === step
              ? t('complaints.step.submittedForApproval')
              : t('complaints.step.done', { step: labels.step(step), next: labels.stage(after.stage) }),
        );
      },
      onError: (error) => {
        // Field problems go on their fields; anything else (a refused step) is said above the button.
        if (isApiError(error) && error.issues.length > 0) {
          const known = new Set(Object.keys(form.getFieldsValue(true)));
          const placed = error.issues
            .map((i) => ({ name: i.field.replace(/^body\./, '').split('.')[0] ?? '', errors: [i.message] }))
            .filter((i) => known.has(i.name));
          if (placed.length) form.setFields(placed.map((p) => ({ name: p.name as never, errors: p.errors })));
        }
        setFailure(errorText(error));
      },
    });
  };

  return (
    <div data-testid="complaint-step-form" data-step={step}>
      <Form<StepValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initialValues(step, open, zone)}
        scrollToFirstError
      >
        {draft ? (
          <Flex justify="flex-end" style={{ marginBottom: -8 }}>
            <Button
              type="link"
              size="small"
              icon={<ReloadOutlined />}
              loading={draftQuery.isFetching}
              disabled={!draftQuery.data}
              onClick={reapply}
              data-testid="step-reapply-draft"
            >
              {t('complaints.step.reapplyDraft')}
            </Button>
          </Flex>
        ) : null}
        {draftQuery.error ? (
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
            {t('complaints.step.draftFailed')}
          </Typography.Text>
        ) : null}
        <StepFields step={step} />
        {HANDS_ON.has(step) ? (
          <Form.Item
            name="nextOwnerUserId"
            label={t('complaints.step.nextOwner')}
            extra={t(
              step === 'investigate' || step === 'review'
                ? 'complaints.step.nextOwnerQualityHint'
                : 'complaints.step.nextOwnerHint',
            )}
          >
            <StaffSelect
              testId="step-next-owner"
              ariaLabel={t('complaints.step.nextOwner')}
              style={{ maxWidth: 320 }}
            />
          </Form.Item>
        ) : null}
        {failure ? (
          <Alert
            type="error"
            showIcon
            title={failure}
            style={{ marginBottom: 16 }}
            data-testid="step-error"
            closable={{ onClose: () => setFailure(null) }}
          />
        ) : null}
        <Button
          type="primary"
          htmlType="submit"
          icon={<SendOutlined />}
          loading={complete.isPending}
          data-testid="step-submit"
        >
          {t(`complaints.step.submit.${step}`)}
        </Button>
      </Form>
    </div>
  );
}
