import { ExportOutlined } from '@ant-design/icons';
import { Card, Divider, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import type { ApplicationDetail } from '../../api/customer-applications.ts';
import { useT } from '../../i18n/context.ts';
import { ApprovalSteps } from '../approvals/ApprovalSteps.tsx';
import { ApprovalStatusTag } from '../approvals/labels.tsx';
import { ApplicationFiles } from './ApplicationFiles.tsx';

/** Beside the form: the investigation documents and every approval of the application with its steps. */
export function ApplicationSide({ application: a }: { application: ApplicationDetail | null }) {
  const t = useT();
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('admission.section.attachments')}>
        {a ? (
          <ApplicationFiles application={a} />
        ) : (
          <Typography.Text type="secondary">{t('admission.attachAfterSave')}</Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('admission.section.history')} data-testid="admission-history">
        {!a || a.approvals.length === 0 ? (
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">{t('admission.noHistory')}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('admission.approverHint')}
            </Typography.Text>
          </Flex>
        ) : (
          a.approvals.map((request, i) => (
            <div key={request.id}>
              {i > 0 ? <Divider style={{ margin: '12px 0' }} /> : null}
              <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
                <ApprovalStatusTag status={request.status} />
                <Link to={`/approvals/${request.id}`} data-testid="admission-open-approval">
                  {t('admission.action.viewApproval')} <ExportOutlined style={{ fontSize: 11 }} />
                </Link>
              </Flex>
              <ApprovalSteps request={request} testId={i === 0 ? 'admission-approval-steps' : undefined} />
            </div>
          ))
        )}
      </Card>
    </Flex>
  );
}
