import { DownloadOutlined, DownOutlined, FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import type { CustomerFilter } from '../../api/customers.ts';
import { customerExportUrl, type ExportFormat } from '../../api/customers-import.ts';
import { useT } from '../../i18n/context.ts';

const FORMATS: { format: ExportFormat; icon: React.ReactNode }[] = [
  { format: 'xlsx', icon: <FileExcelOutlined /> },
  { format: 'csv', icon: <FileTextOutlined /> },
];

/** 导出: the list as filtered now, as XLSX or CSV; a plain download link (the session cookie is enough). */
export function ExportButton({ filter }: { filter: CustomerFilter }) {
  const t = useT();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'hint', type: 'group', label: t('customers.export.hint') },
          ...FORMATS.map(({ format, icon }) => ({
            key: format,
            icon,
            label: (
              <a href={customerExportUrl(filter, format)} download data-testid={`customer-export-${format}`}>
                {t(`customers.export.${format}`)}
              </a>
            ),
          })),
        ],
      }}
    >
      <Button icon={<DownloadOutlined />} data-testid="customer-export">
        {t('customers.export.button')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
