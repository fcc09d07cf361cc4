import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Form, Row } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import {
  type ApplicationDetail,
  applicationPrintUrl,
  useApplication,
} from '../../api/customer-applications.ts';
import { useDuplicates } from '../../api/customers.ts';
import { useCan, useSession } from '../../api/session.ts';
import { DetailHeader, DetailPage, useRouteId } from '../../components/DetailPage.tsx';
import { useDebounced } from '../../components/hooks.ts';
import { PrintButton } from '../../components/PrintButton.tsx';
import { useT } from '../../i18n/context.ts';
import { DuplicateDialog, DuplicateHint } from '../customers/Duplicates.tsx';
import { LifecycleTag } from '../customers/labels.tsx';
import { ApplicationDetails } from './ApplicationDetails.tsx';
import { ApplicationFormFields } from './ApplicationFormFields.tsx';
import { ApplicationSide } from './ApplicationSide.tsx';
import { type ApplicationValues, BLANK_APPLICATION, initialValues } from './application-form.ts';
import { ApplicationStatusTag } from './labels.tsx';
import { useApplicationSave } from './useApplicationSave.ts';
import { WithdrawButton } from './WithdrawButton.tsx';

/** Customers that may already be this one while the name is typed (never the application's own customer). */
function useEarlyDuplicates(name: string | undefined, enabled: boolean, saved: ApplicationDetail | null) {
  const settled = useDebounced((name ?? '').trim(), 400);
  const probe = settled.length >= 2 && settled !== saved?.customerName;
  const found = useDuplicates(
    { name: probe ? settled : undefined, excludeId: saved?.customerId },
    enabled && probe,
  );
  return enabled && probe ? (found.data ?? []) : [];
}

function Editor({ saved }: { saved: ApplicationDetail | null }) {
  const t = useT();
  const can = useCan();
  const me = useSession().user;
  const [form] = Form.useForm<ApplicationValues>();
  const initial = useMemo(() => (saved ? initialValues(saved) : BLANK_APPLICATION), [saved]);
  const save = useApplicationSave(form, saved);
  const editable = (!saved || saved.status === 'draft') && can('admission.apply');
  const name = Form.useWatch('name', form);
  const early = useEarlyDuplicates(name, editable && can('customer.read'), saved);
  const mayWithdraw =
    !!saved &&
    (saved.status === 'draft' || saved.status === 'submitted') &&
    can('admission.apply') &&
    (saved.applicantUserId === me.id || (can('customer.read') && can('admission.approve')));

  const actions = (
    <Flex gap={8} wrap>
      {saved ? (
        <PrintButton href={applicationPrintUrl(saved.id)} testId="admission-print">
          {t('admission.action.print')}
        </PrintButton>
      ) : null}
      {mayWithdraw ? <WithdrawButton application={saved} /> : null}
      {editable ? (
        <>
          <Button
            icon={<SaveOutlined />}
            loading={save.busy && save.intent === 'save'}
            disabled={save.busy}
            onClick={() => void save.run('save')}
            data-testid="admission-save"
          >
            {t('admission.action.save')}
          </Button>
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={save.busy && save.intent === 'submit'}
            disabled={save.busy}
            onClick={() => void save.run('submit')}
            data-testid="admission-submit"
          >
            {t('admission.action.submit')}
          </Button>
        </>
      ) : null}
    </Flex>
  );

  return (
    <div data-testid="admission-page">
      <DetailHeader
        back={{ to: '/admission', label: t('admission.back') }}
        number={saved ? { value: saved.number, testId: 'admission-number' } : undefined}
        tags={
          saved ? (
            <>
              <ApplicationStatusTag status={saved.status} testId="admission-status" />
              {saved.status === 'approved' ? <LifecycleTag value={saved.customerLifecycle} /> : null}
            </>
          ) : null
        }
        title={saved ? saved.customerName : t('admission.newTitle')}
        subtitle={
          saved ? (
            <Link to={`/customers/${saved.customerId}`} style={{ fontSize: 13 }}>
              {t('admission.openCustomer')} {saved.customerCode}
            </Link>
          ) : null
        }
        actions={actions}
      />
      {saved?.status === 'rejected' || saved?.status === 'withdrawn' ? (
        <Alert
          type={saved.status === 'rejected' ? 'error' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t(`admission.status.${saved.status}`)}
          description={
            saved.decisionComment
              ? t('admission.decisionComment', { comment: saved.decisionComment })
              : undefined
          }
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card>
            {editable ? (
              <Form
                form={form}
                layout="vertical"
                name="admission"
                initialValues={initial}
                data-testid="admission-form"
                scrollToFirstError
              >
                <ApplicationFormFields
                  saved={saved}
                  duplicateHint={early.length > 0 ? <DuplicateHint candidates={early} /> : undefined}
                />
              </Form>
            ) : saved ? (
              <>
                {saved.status === 'submitted' ? (
                  <Alert
                    type="info"
                    showIcon
                    title={t('admission.closedNote')}
                    style={{ marginBottom: 16 }}
                  />
                ) : null}
                <ApplicationDetails application={saved} />
              </>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <ApplicationSide application={saved} />
        </Col>
      </Row>
      <DuplicateDialog
        candidates={save.candidates}
        creating={save.busy}
        onBack={save.dismissCandidates}
        onCreateAnyway={save.continueAnyway}
      />
    </div>
  );
}

/** 《新客户申请表》: /admission/new files one; /admission/:id shows it (a draft stays editable). */
export default function ApplicationPage() {
  const t = useT();
  const { id: param } = useParams();
  const isNew = param === undefined || param === 'new';
  const id = useRouteId();
  const query = useApplication(isNew ? undefined : id);
  if (isNew) return <Editor saved={null} />;
  return (
    <DetailPage
      id={id}
      query={query}
      back={{ to: '/admission', label: t('admission.back') }}
      notFound={{ title: t('admission.notFound'), text: t('admission.notFoundText') }}
    >
      {/* A fresh form per application and per status: a submitted draft becomes the read-only view. */}
      {(saved) => <Editor key={`${saved.id}:${saved.status}`} saved={saved} />}
    </DetailPage>
  );
}
