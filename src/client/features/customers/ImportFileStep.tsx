import { DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Progress, Row, Spin, Tag, Typography, Upload } from 'antd';
import { CUSTOMER_COLUMNS } from '../../../shared/customer-columns.ts';
import { IMPORT_ACCEPT, IMPORT_TEMPLATE_URL } from '../../api/customers-import.ts';
import { useI18n } from '../../i18n/context.ts';

const RULES = ['code', 'kind', 'class', 'tags', 'contact', 'csv'] as const;

/** What the file may hold: the columns of the form by header, only the name required. */
function ColumnsHelp() {
  const { t, locale } = useI18n();
  return (
    <Card size="small" title={t('customers.import.columns')} data-testid="import-columns">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('customers.import.columnsText')}
      </Typography.Paragraph>
      <Flex gap={4} wrap style={{ marginBottom: 12 }}>
        {CUSTOMER_COLUMNS.filter((c) => !c.exportOnly).map((c) =>
          c.required ? (
            <Tag key={c.key} color="red" style={{ marginInlineEnd: 0, fontWeight: 600 }}>
              {c.header[locale]} * {t('customers.import.required')}
            </Tag>
          ) : (
            <Tag key={c.key} style={{ marginInlineEnd: 0 }}>
              {c.header[locale]}
            </Tag>
          ),
        )}
      </Flex>
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {RULES.map((rule) => (
          <li key={rule}>
            <Typography.Text type={rule === 'csv' ? undefined : 'secondary'}>
              {t(`customers.import.rule.${rule}`)}
            </Typography.Text>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** Step 1 选择文件: the template, the drop zone (checking starts as soon as a file is chosen), the columns. */
export function ImportFileStep({
  checking,
  onFile,
}: {
  checking: { name: string; percent: number } | null;
  onFile: (file: File) => void;
}) {
  const { t } = useI18n();
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={13}>
        <Flex vertical gap={16}>
          <Flex align="center" gap={12} wrap>
            <Button
              icon={<DownloadOutlined />}
              href={IMPORT_TEMPLATE_URL}
              download
              data-testid="import-template"
            >
              {t('customers.import.template')}
            </Button>
            <Typography.Text type="secondary">{t('customers.import.templateHint')}</Typography.Text>
          </Flex>
          <div data-testid="import-file">
            <Upload.Dragger
              accept={IMPORT_ACCEPT}
              multiple={false}
              showUploadList={false}
              disabled={checking !== null}
              beforeUpload={(file) => {
                onFile(file);
                return false;
              }}
            >
              {checking ? (
                <Flex vertical align="center" gap={8} style={{ padding: '16px 24px' }}>
                  <Spin />
                  <Typography.Text>{t('customers.import.checking', { name: checking.name })}</Typography.Text>
                  {checking.percent < 100 ? (
                    <Progress percent={checking.percent} size="small" style={{ maxWidth: 320 }} />
                  ) : null}
                </Flex>
              ) : (
                <>
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">{t('customers.import.drop')}</p>
                  <p className="ant-upload-hint">
                    <FileExcelOutlined /> {t('customers.import.dropHint')}
                  </p>
                </>
              )}
            </Upload.Dragger>
          </div>
        </Flex>
      </Col>
      <Col xs={24} lg={11}>
        <ColumnsHelp />
      </Col>
    </Row>
  );
}
