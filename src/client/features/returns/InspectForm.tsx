import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Radio, Table, type TableColumnsType, Typography } from 'antd';
import { type ReturnDetail, type ReturnItemView, useInspectReturn } from '../../api/returns.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';
import { useQuantity } from './labels.tsx';

interface Values {
  defectConfirmed?: boolean;
  note?: string;
  items: { itemId: number; defectiveQuantity: number | null }[];
}

/** 品保部依照退货单确认实际不良状况: defective quantity per item, whether the defect is real, the finding. */
export function InspectForm({ notice }: { notice: ReturnDetail }) {
  const t = useT();
  const qty = useQuantity();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const inspect = useInspectReturn();

  const submit = async () => {
    const v = await form.validateFields();
    inspect.mutate(
      {
        id: notice.id,
        input: {
          defectConfirmed: v.defectConfirmed ?? true,
          note: v.note ?? '',
          items: v.items.map((i) => ({ itemId: i.itemId, defectiveQuantity: i.defectiveQuantity ?? 0 })),
        },
      },
      { onSuccess: () => void message.success(t('returns.inspect.done')), onError: notifyError },
    );
  };

  const columns: TableColumnsType<ReturnItemView> = [
    {
      title: t('returns.field.product'),
      dataIndex: 'product',
      render: (p: string, r) => `${p}${r.spec ? ` · ${r.spec}` : ''}`,
    },
    {
      title: t('returns.field.received'),
      dataIndex: 'receivedQuantity',
      width: 110,
      align: 'right',
      render: (v: number | null, r) => `${qty(v)} ${r.unit ?? ''}`,
    },
    {
      title: t('returns.field.defective'),
      key: 'defective',
      width: 150,
      render: (_, r, index) => (
        <>
          <Form.Item name={['items', index, 'itemId']} hidden>
            <Input />
          </Form.Item>
          <Form.Item
            name={['items', index, 'defectiveQuantity']}
            rules={[
              {
                required: true,
                type: 'number',
                min: 0,
                max: r.receivedQuantity ?? 0,
                message: t('returns.inspect.defectiveMax', { max: qty(r.receivedQuantity) }),
              },
            ]}
            style={{ marginBottom: 0 }}
          >
            <InputNumber
              min={0}
              max={r.receivedQuantity ?? 0}
              style={{ width: '100%' }}
              data-testid={`return-inspect-qty-${index}`}
            />
          </Form.Item>
        </>
      ),
    },
  ];

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="return-inspect"
      initialValues={{
        defectConfirmed: true,
        items: notice.items.map((i) => ({ itemId: i.id, defectiveQuantity: 0 })),
      }}
      data-testid="return-inspect-form"
    >
      <Typography.Paragraph type="secondary">{t('returns.inspect.hint')}</Typography.Paragraph>
      <Table<ReturnItemView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={notice.items}
        pagination={false}
        scroll={{ x: 520 }}
        style={{ marginBottom: 16 }}
      />
      <Form.Item
        name="defectConfirmed"
        label={t('returns.inspect.defectConfirmed')}
        rules={[{ required: true }]}
      >
        <Radio.Group data-testid="return-inspect-confirmed">
          <Radio value={true}>{t('returns.inspect.confirmed')}</Radio>
          <Radio value={false}>{t('returns.inspect.notConfirmed')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="note"
        label={t('returns.inspect.note')}
        rules={[{ required: true, whitespace: true, message: t('returns.inspect.noteRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount data-testid="return-inspect-note" />
      </Form.Item>
      <Button
        type="primary"
        icon={<SafetyCertificateOutlined />}
        loading={inspect.isPending}
        onClick={() => void submit().catch(() => undefined)}
        data-testid="return-inspect-submit"
      >
        {t('returns.inspect.submit')}
      </Button>
    </Form>
  );
}
