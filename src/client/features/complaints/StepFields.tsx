import { Col, DatePicker, Form, Input, Radio, Rate, Row, Select, Switch } from 'antd';
import type { ComplaintStep } from '../../../shared/complaints/complaint-flow.ts';
import { useDepartments } from '../../api/departments.ts';
import { useCan } from '../../api/session.ts';
import { useT } from '../../i18n/context.ts';

const area = (rows = 4) => ({ autoSize: { minRows: rows, maxRows: 16 } });

function Text({ name, label, rows, max }: { name: string; label: string; rows?: number; max: number }) {
  const t = useT();
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: true, whitespace: true, message: t('complaints.step.required') }]}
    >
      <Input.TextArea {...area(rows)} maxLength={max} data-testid={`step-field-${name}`} />
    </Form.Item>
  );
}

/** 责任部门: active departments; required in the review, optional when the investigation finds it. */
function DepartmentField({ required }: { required: boolean }) {
  const t = useT();
  const can = useCan();
  const departments = useDepartments(can('department.read'));
  return (
    <Form.Item
      name="responsibleDepartmentId"
      label={t('complaints.field.department')}
      rules={required ? [{ required: true, message: t('complaints.step.departmentRequired') }] : []}
    >
      <Select
        allowClear={!required}
        showSearch={{ optionFilterProp: 'label' }}
        loading={departments.isPending}
        options={(departments.data ?? [])
          .filter((d) => d.isActive)
          .map((d) => ({ value: d.id, label: d.name, 'data-testid': `step-department-option-${d.code}` }))}
        data-testid="step-department"
        aria-label={t('complaints.field.department')}
      />
    </Form.Item>
  );
}

function InvestigateFields() {
  const t = useT();
  const onSite = Form.useWatch<boolean | undefined>('onSiteVisited');
  const responsibility = Form.useWatch<string | undefined>('responsibility');
  const required = [{ required: true, whitespace: true, message: t('complaints.step.required') }];
  return (
    <>
      <Text name="findings" label={t('complaints.data.findings')} max={10000} />
      <Form.Item name="onSiteVisited" label={t('complaints.data.onSite')} valuePropName="checked">
        <Switch data-testid="step-field-onSite" />
      </Form.Item>
      {onSite ? (
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name={['onSite', 'visitedOn']}
              label={t('complaints.data.visitedOn')}
              rules={[{ required: true, message: t('complaints.step.required') }]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="step-field-onSite-visitedOn" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['onSite', 'location']} label={t('complaints.data.location')}>
              <Input maxLength={200} data-testid="step-field-onSite-location" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['onSite', 'participants']} label={t('complaints.data.visitors')}>
              <Input maxLength={500} data-testid="step-field-onSite-participants" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name={['onSite', 'notes']} label={t('complaints.data.visitNotes')} rules={required}>
              <Input.TextArea {...area(3)} maxLength={5000} data-testid="step-field-onSite-notes" />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      <Form.Item
        name="responsibility"
        label={t('complaints.data.responsibility')}
        extra={t('complaints.step.responsibilityHint')}
        rules={[{ required: true, message: t('complaints.step.responsibilityRequired') }]}
      >
        <Radio.Group>
          <Radio.Button value="company" data-testid="step-responsibility-company">
            {t('complaints.data.responsibility.company')}
          </Radio.Button>
          <Radio.Button value="not_company" data-testid="step-responsibility-not-company">
            {t('complaints.data.responsibility.not_company')}
          </Radio.Button>
        </Radio.Group>
      </Form.Item>
      {responsibility === 'company' ? <DepartmentField required={false} /> : null}
    </>
  );
}

function ReviewFields() {
  const t = useT();
  return (
    <>
      <Form.Item
        name="participants"
        label={t('complaints.data.participants')}
        extra={t('complaints.step.participantsHint')}
        rules={[
          { required: true, type: 'array', min: 1, message: t('complaints.step.participantsRequired') },
        ]}
      >
        <Select
          mode="tags"
          suffixIcon={null}
          notFoundContent={null}
          tokenSeparators={[',', '，', '、', ';', '；']}
          data-testid="step-field-participants"
          aria-label={t('complaints.data.participants')}
        />
      </Form.Item>
      <Text name="conclusions" label={t('complaints.data.conclusions')} max={10000} />
      <DepartmentField required />
    </>
  );
}

function FeedbackFields() {
  const t = useT();
  return (
    <>
      <Form.Item
        name="result"
        label={t('complaints.data.result')}
        extra={t('complaints.step.notSatisfiedHint')}
        rules={[{ required: true, message: t('complaints.step.required') }]}
      >
        <Radio.Group data-testid="step-field-result">
          {(['satisfied', 'partly', 'not_satisfied'] as const).map((r) => (
            <Radio.Button key={r} value={r} data-testid={`step-result-${r}`}>
              {t(`complaints.data.result.${r}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Text name="comments" label={t('complaints.data.comments')} max={5000} rows={3} />
    </>
  );
}

function RevisitFields() {
  const t = useT();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="revisitedOn"
            label={t('complaints.data.revisitedOn')}
            rules={[{ required: true, message: t('complaints.step.required') }]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="step-field-revisitedOn" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="method"
            label={t('complaints.data.method')}
            rules={[{ required: true, message: t('complaints.step.required') }]}
          >
            <Select
              options={(['phone', 'visit', 'email', 'other'] as const).map((m) => ({
                value: m,
                label: t(`complaints.data.method.${m}`),
              }))}
              data-testid="step-field-method"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="satisfaction"
            label={t('complaints.data.satisfaction')}
            rules={[{ required: true, message: t('complaints.step.required') }]}
          >
            <Rate data-testid="step-field-satisfaction" />
          </Form.Item>
        </Col>
      </Row>
      <Text name="notes" label={t('complaints.data.notes')} max={5000} rows={3} />
    </>
  );
}

/** The fields the current step records (the next owner and the submit button are the panel's). */
export function StepFields({ step }: { step: ComplaintStep }) {
  const t = useT();
  switch (step) {
    case 'acknowledge':
      return (
        <>
          <Text name="message" label={t('complaints.data.message')} max={5000} rows={8} />
          <Form.Item
            name="promisedAt"
            label={t('complaints.field.promisedAt')}
            tooltip={t('complaints.field.promisedAtHint')}
            rules={[{ required: true, message: t('complaints.step.required') }]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: 220 }}
              data-testid="step-field-promisedAt"
            />
          </Form.Item>
        </>
      );
    case 'investigate':
      return <InvestigateFields />;
    case 'explain':
      return <Text name="explanation" label={t('complaints.data.explanation')} max={10000} rows={8} />;
    case 'review':
      return <ReviewFields />;
    case 'analyse':
      return (
        <>
          <Text name="rootCause" label={t('complaints.data.rootCause')} max={10000} />
          <Text name="correctiveMeasures" label={t('complaints.data.correctiveMeasures')} max={10000} />
          <Text name="preventiveMeasures" label={t('complaints.data.preventiveMeasures')} max={10000} />
        </>
      );
    case 'reply':
      return <Text name="replyText" label={t('complaints.data.replyText')} max={20000} rows={10} />;
    case 'execute':
      return <Text name="executionNotes" label={t('complaints.data.executionNotes')} max={10000} />;
    case 'feedback':
      return <FeedbackFields />;
    case 'revisit':
      return <RevisitFields />;
    case 'final_report':
      return <Text name="summary" label={t('complaints.data.summary')} max={20000} rows={8} />;
  }
}
