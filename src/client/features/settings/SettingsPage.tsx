import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useNumberPatterns, useOrganisation } from '../../api/organisation.ts';
import { useCan } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { NumberPatterns } from './NumberPatterns.tsx';
import { OrganisationForm } from './OrganisationForm.tsx';

export default function SettingsPage() {
  const t = useT();
  const can = useCan();
  const organisation = useOrganisation();
  const patterns = useNumberPatterns();
  const [params, setParams] = useSearchParams();
  const canManage = can('settings.manage');

  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <Card>
        <Tabs
          activeKey={params.get('tab') === 'numbers' ? 'numbers' : 'org'}
          onChange={(key) => setParams(key === 'org' ? {} : { tab: key }, { replace: true })}
          items={[
            {
              key: 'org',
              label: t('settings.tabOrg'),
              children: (
                <LoadState query={organisation} rows={8}>
                  {(org) => (
                    <OrganisationForm
                      key={`${org.name}|${org.timeZone}|${org.defaultLocale}|${org.email}|${org.phone}`}
                      organisation={org}
                      canManage={canManage}
                    />
                  )}
                </LoadState>
              ),
            },
            {
              key: 'numbers',
              label: t('settings.tabNumbers'),
              children: (
                <LoadState query={patterns} rows={8}>
                  {(list) => <NumberPatterns patterns={list} canManage={canManage} />}
                </LoadState>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
