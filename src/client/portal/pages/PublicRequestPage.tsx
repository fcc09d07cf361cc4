import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, Result, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { publicRequest } from '../../../shared/schemas/portal.ts';
import { zodRule } from '../../components/form-errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/context.ts';
import { errorCode } from '../api.ts';
import { emailRules } from '../auth/password-rules.ts';
import { usePortalFieldErrors } from '../components/form-errors.ts';
import { FormAlert } from '../components/states.tsx';
import { ArticleSuggestions } from '../kb/ArticleSuggestions.tsx';
import styles from '../portal.module.css';
import { usePublicFormToken, useSubmitPublicRequest } from '../requests/api.ts';
import { usePortalMe } from '../session.ts';

interface Values {
  name: string;
  email: string;
  phone?: string;
  company?: string;
  subject: string;
  description: string;
  website?: string;
}

const blankToNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

function Done({ number, email, onAnother }: { number: string | null; email: string; onAnother: () => void }) {
  const { t } = useI18n();
  return (
    <Card className={styles.card} variant="borderless" style={{ maxWidth: 620, margin: '24px auto 0' }}>
      <Result
        icon={<CheckCircleFilled style={{ color: '#52c41a' }} />}
        title={t('portal.public.doneTitle')}
        subTitle={
          <>
            {number ? (
              <Typography.Paragraph style={{ fontSize: 16, marginBottom: 8 }}>
                {t('portal.public.number')}{' '}
                <Typography.Text strong copyable data-testid="portal-public-number">
                  {number}
                </Typography.Text>
              </Typography.Paragraph>
            ) : null}
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t('portal.public.emailSent', { email })}
            </Typography.Paragraph>
          </>
        }
        extra={[
          <Button key="another" onClick={onAnother} data-testid="portal-public-another">
            {t('portal.public.another')}
          </Button>,
          <Link key="register" to="/portal/register">
            <Button type="primary">{t('portal.public.register')}</Button>
          </Link>,
        ]}
        data-testid="portal-public-done"
      />
    </Card>
  );
}

/**
 * The public request form for people without an account. Two quiet checks against bots: a honeypot
 * field people never see or reach, and the time since the form was shown, measured by the server from the
 * signed token fetched with the form (a submission within seconds is rejected).
 */
export default function PublicRequestPage() {
  const { t, locale } = useI18n();
  const me = usePortalMe();
  const submit = useSubmitPublicRequest();
  const [form] = Form.useForm<Values>();
  const formToken = usePublicFormToken();
  const subject = Form.useWatch('subject', form) ?? '';
  const description = Form.useWatch('description', form) ?? '';
  const fieldErrors = usePortalFieldErrors({ email: 'common.invalidEmail' });
  const shape = publicRequest.shape;

  if (submit.isSuccess) {
    return (
      <Done
        number={submit.data.number}
        email={submit.variables.email}
        onAnother={() => {
          form.resetFields();
          submit.reset();
          void formToken.refetch();
        }}
      />
    );
  }

  const onFinish = (v: Values) =>
    submit.mutate(
      {
        name: v.name.trim(),
        email: v.email.trim(),
        phone: blankToNull(v.phone),
        company: blankToNull(v.company),
        subject: v.subject.trim(),
        description: v.description.trim(),
        website: v.website ?? '',
        formToken: formToken.data?.formToken ?? '',
        locale,
      },
      {
        onError: (error) => {
          // A form left open too long (or a stale token) gets a fresh token for the next try.
          if (errorCode(error) === 'SUBMISSION_REJECTED') void formToken.refetch();
          fieldErrors(form, error);
        },
      },
    );

  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }} data-testid="portal-public">
      <PageHeader title={t('portal.public.title')} subtitle={t('portal.public.subtitle')} />
      {me.data ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('portal.public.signedIn')}
          action={
            <Link to="/portal/requests/new">
              <Button size="small">{t('portal.nav.newRequest')}</Button>
            </Link>
          }
        />
      ) : null}
      <Card className={styles.card} variant="borderless">
        <FormAlert error={submit.error} testId="portal-public-error" />
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark="optional"
          size="large"
          onFinish={onFinish}
          data-testid="portal-public-form"
        >
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item
                name="name"
                label={t('portal.field.name')}
                rules={[
                  { required: true, whitespace: true, message: t('portal.field.nameRequired') },
                  zodRule(shape.name),
                ]}
              >
                <Input autoComplete="name" data-testid="portal-public-name" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="email"
                label={t('portal.field.email')}
                rules={emailRules(t)}
                extra={t('portal.public.emailHint')}
              >
                <Input
                  type="email"
                  inputMode="email"
                  autoComplete="email"
                  data-testid="portal-public-email"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="phone" label={t('portal.field.phone')} rules={[zodRule(shape.phone)]}>
                <Input type="tel" inputMode="tel" autoComplete="tel" data-testid="portal-public-phone" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="company" label={t('portal.field.company')} rules={[zodRule(shape.company)]}>
                <Input autoComplete="organization" data-testid="portal-public-company" />
              </Form.Item>
            </Col>
          </Row>
          {/* Honeypot: hidden from people and assistive technology, out of the tab order. */}
          <div className={styles.honeypot} aria-hidden="true">
            <label htmlFor="portal-public-website">Website</label>
            <Form.Item name="website" noStyle>
              <input
                id="portal-public-website"
                type="text"
                tabIndex={-1}
                autoComplete="off"
                data-testid="portal-public-website"
              />
            </Form.Item>
          </div>
          <Form.Item
            name="subject"
            label={t('portal.field.subject')}
            rules={[
              { required: true, whitespace: true, message: t('portal.field.subjectRequired') },
              zodRule(shape.subject),
            ]}
          >
            <Input
              maxLength={200}
              placeholder={t('portal.newRequest.subjectPlaceholder')}
              data-testid="portal-public-subject"
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('portal.field.description')}
            rules={[
              { required: true, whitespace: true, message: t('portal.field.descriptionRequired') },
              zodRule(shape.description),
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: 5, maxRows: 14 }}
              maxLength={20_000}
              placeholder={t('portal.newRequest.descriptionPlaceholder')}
              data-testid="portal-public-description"
            />
          </Form.Item>
          <ArticleSuggestions text={`${subject} ${description}`} />
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={submit.isPending || formToken.isFetching}
            disabled={!formToken.data}
            data-testid="portal-public-submit"
          >
            {t('portal.public.submit')}
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 13 }}>
            {t('portal.public.haveAccount')} <Link to="/portal/login">{t('portal.nav.login')}</Link>
          </Typography.Paragraph>
        </Form>
      </Card>
    </div>
  );
}
