import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/context.ts';
import { CategoriesTab } from './CategoriesTab.tsx';
import { TypesTab } from './TypesTab.tsx';

/** 请求类型与字段: request types with their custom fields, and the category tree. */
export default function TicketTypesPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'categories' ? 'categories' : 'types';
  return (
    <>
      <PageHeader title={t('ticketAdmin.typesTitle')} subtitle={t('ticketAdmin.typesSubtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'types' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'types', label: t('ticketAdmin.tabTypes'), children: <TypesTab /> },
          { key: 'categories', label: t('ticketAdmin.tabCategories'), children: <CategoriesTab /> },
        ]}
      />
    </>
  );
}
