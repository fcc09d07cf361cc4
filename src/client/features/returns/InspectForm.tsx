import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Form, Input, Radio, type TableColumnsType } from 'antd';
import { type ReturnDetail, type ReturnItemView, useInspectReturn } from '../../api/returns.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';
import { ItemCountForm, ItemQuantityInput, productColumn } from './ItemCountForm.tsx';
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

  const submit = (v: Values) =>
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

  const columns: TableColumnsType<ReturnItemView> = [
    productColumn(t('returns.field.product')),
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
        <ItemQuantityInput
          index={index}
          field="defectiveQuantity"
          max={r.receivedQuantity ?? 0}
          rules={[
            {
              required: true,
              type: 'number',
              min: 0,
              max: r.receivedQuantity ?? 0,
              message: t('returns.inspect.defectiveMax', { max: qty(r.receivedQuantity) }),
            },
          ]}
          testId={`return-inspect-qty-${index}`}
        />
      ),
    },
  ];

  return (
    <ItemCountForm<Values>
      form={form}
      name="return-inspect"
      testId="return-inspect-form"
      initialValues={{
        defectConfirmed: true,
        items: notice.items.map((i) => ({ itemId: i.id, defectiveQuantity: 0 })),
      }}
      hint={t('returns.inspect.hint')}
      items={notice.items}
      columns={columns}
      scrollX={520}
      onFinish={submit}
      pending={inspect.isPending}
      submitIcon={<SafetyCertificateOutlined />}
      submitLabel={t('returns.inspect.submit')}
      submitTestId="return-inspect-submit"
    >
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
    </ItemCountForm>
  );
}
