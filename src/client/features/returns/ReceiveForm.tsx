import { CheckOutlined } from '@ant-design/icons';
import { App, Form, Input, type TableColumnsType } from 'antd';
import { type ReturnDetail, type ReturnItemView, useReceiveReturn } from '../../api/returns.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';
import { ItemCountForm, ItemQuantityInput, productColumn } from './ItemCountForm.tsx';
import { useQuantity } from './labels.tsx';

interface Values {
  items: { itemId: number; receivedQuantity: number | null; note?: string }[];
  note?: string;
}

const differs = (a: number | null | undefined, b: number) =>
  typeof a === 'number' && Math.round(a * 1000) !== Math.round(b * 1000);

/** 签收确认 / 点收 (资材部/仓储): the count of each item; a count unlike the notice needs a note. */
export function ReceiveForm({ notice }: { notice: ReturnDetail }) {
  const t = useT();
  const qty = useQuantity();
  const { message } = App.useApp();
  // The server names the whole item list, which has no single field to carry the message: a toast.
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const receive = useReceiveReturn();
  const counted = Form.useWatch('items', form);

  const submit = (v: Values) =>
    receive.mutate(
      {
        id: notice.id,
        input: {
          items: v.items.map((i) => ({
            itemId: i.itemId,
            receivedQuantity: i.receivedQuantity ?? 0,
            note: i.note ?? null,
          })),
          note: v.note ?? null,
        },
      },
      {
        onSuccess: () => void message.success(t('returns.receive.done')),
        onError: notifyError,
      },
    );

  const columns: TableColumnsType<ReturnItemView> = [
    productColumn(t('returns.field.product')),
    {
      title: t('returns.field.quantity'),
      dataIndex: 'quantity',
      width: 100,
      align: 'right',
      render: (v: number, r) => `${qty(v)} ${r.unit ?? ''}`,
    },
    {
      title: t('returns.field.received'),
      key: 'received',
      width: 140,
      render: (_, _r, index) => (
        <ItemQuantityInput
          index={index}
          field="receivedQuantity"
          rules={[{ required: true, type: 'number', min: 0, message: t('returns.form.quantityRequired') }]}
          testId={`return-receive-qty-${index}`}
        />
      ),
    },
    {
      title: t('returns.receive.itemNote'),
      key: 'note',
      render: (_, r, index) => {
        const needed = differs(counted?.[index]?.receivedQuantity, r.quantity);
        return (
          <Form.Item
            name={['items', index, 'note']}
            rules={[{ required: needed, whitespace: true, message: t('returns.receive.discrepancyNote') }]}
            style={{ marginBottom: 0 }}
          >
            <Input
              maxLength={500}
              placeholder={needed ? t('returns.receive.discrepancyNote') : undefined}
              status={needed && !counted?.[index]?.note ? 'warning' : undefined}
              data-testid={`return-receive-note-${index}`}
            />
          </Form.Item>
        );
      },
    },
  ];

  return (
    <ItemCountForm<Values>
      form={form}
      name="return-receive"
      testId="return-receive-form"
      initialValues={{
        items: notice.items.map((i) => ({ itemId: i.id, receivedQuantity: i.quantity, note: '' })),
      }}
      hint={t('returns.receive.hint')}
      items={notice.items}
      columns={columns}
      scrollX={640}
      onFinish={submit}
      pending={receive.isPending}
      submitIcon={<CheckOutlined />}
      submitLabel={t('returns.receive.submit')}
      submitTestId="return-receive-submit"
    >
      <Form.Item name="note" label={t('returns.receive.note')}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="return-receive-note" />
      </Form.Item>
    </ItemCountForm>
  );
}
