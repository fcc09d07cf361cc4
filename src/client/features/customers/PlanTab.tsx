import { Alert, Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import { type CustomerDetail, useCustomerSettings } from '../../api/customers.ts';
import { useCan } from '../../api/session.ts';
import { useSlaPolicies } from '../../api/ticket-config.ts';
import { LoadState } from '../../components/states.tsx';
import { useI18n } from '../../i18n/context.ts';
import { ClassTag } from './labels.tsx';

/** The SLA policy's name, when the viewer may read the request configuration. */
function PolicyName({ id }: { id: number }) {
  const policies = useSlaPolicies();
  const policy = policies.data?.find((p) => p.id === id);
  return <>{policy ? policy.name : `#${id}`}</>;
}

/** 服务方案: what the customer's class entitles it to — revisits, survey coverage, SLA, greetings. */
export function PlanTab({ customer }: { customer: CustomerDetail }) {
  const { t } = useI18n();
  const can = useCan();
  const settings = useCustomerSettings();
  const cls = customer.class;
  if (!cls) {
    return <Alert type="info" showIcon title={t('customers.plan.noClass')} data-testid="customer-plan" />;
  }
  return (
    <LoadState query={settings} rows={4}>
      {(s) => {
        const plan = s.plans[cls];
        return (
          <div data-testid="customer-plan">
            <Descriptions
              title={
                <span>
                  <ClassTag value={cls} /> {t('customers.plan.title', { class: cls })}
                </span>
              }
              bordered
              size="small"
              column={1}
              styles={{ label: { width: 200 } }}
              items={[
                {
                  key: 'revisit',
                  label: t('customers.plan.revisit'),
                  children: t('customers.plan.revisitEvery', { n: plan.revisitDays }),
                },
                {
                  key: 'survey',
                  label: t('customers.plan.survey'),
                  children: `${plan.surveyCoveragePercent}%`,
                },
                {
                  key: 'sla',
                  label: t('customers.plan.sla'),
                  children:
                    plan.slaPolicyId === null ? (
                      <Typography.Text type="secondary">{t('customers.plan.slaDefault')}</Typography.Text>
                    ) : can('ticket.read') ? (
                      <PolicyName id={plan.slaPolicyId} />
                    ) : (
                      `#${plan.slaPolicyId}`
                    ),
                },
                {
                  key: 'greetings',
                  label: t('customers.plan.greetings'),
                  children: plan.greetings ? t('common.yes') : t('common.no'),
                },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              {t('customers.plan.hint')}{' '}
              {can('settings.read') ? (
                <Link to="/admin/customer-settings">{t('customers.nav.settings')}</Link>
              ) : null}
            </Typography.Paragraph>
          </div>
        );
      }}
    </LoadState>
  );
}
