import type { TableColumnsType, TableColumnType } from 'antd';
import { Button, Form, type FormInstance, type FormRule, Input, InputNumber, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ReturnItemView } from '../../api/returns.ts';

/** The column naming each item: its product and spec. */
export function productColumn(title: string): TableColumnType<ReturnItemView> {
  return {
    title,
    dataIndex: 'product',
    render: (p: string, r: ReturnItemView) => `${p}${r.spec ? ` · ${r.spec}` : ''}`,
  };
}

/** One item's quantity at `items[index][field]`, with the item's id beside it (hidden) to say which. */
export function ItemQuantityInput({
  index,
  field,
  rules,
  max,
  testId,
}: {
  index: number;
  field: string;
  rules: FormRule[];
  max?: number;
  testId: string;
}) {
  return (
    <>
      <Form.Item name={['items', index, 'itemId']} hidden>
        <Input />
      </Form.Item>
      <Form.Item name={['items', index, field]} rules={rules} style={{ marginBottom: 0 }}>
        <InputNumber min={0} max={max} style={{ width: '100%' }} data-testid={testId} />
      </Form.Item>
    </>
  );
}

/**
 * A count of the notice's items (receipt, quality check): what to do, a table with an input per item, the
 * step's own fields (`children`) and its button.
 */
export function ItemCountForm<Values>({
  form,
  name,
  testId,
  initialValues,
  hint,
  items,
  columns,
  scrollX,
  onFinish,
  pending,
  submitIcon,
  submitLabel,
  submitTestId,
  children,
}: {
  form: FormInstance<Values>;
  name: string;
  testId: string;
  initialValues: Partial<Values>;
  hint: ReactNode;
  items: ReturnItemView[];
  columns: TableColumnsType<ReturnItemView>;
  scrollX: number;
  onFinish: (values: Values) => void;
  pending: boolean;
  submitIcon: ReactNode;
  submitLabel: ReactNode;
  submitTestId: string;
  children: ReactNode;
}) {
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name={name}
      initialValues={initialValues}
      onFinish={onFinish}
      data-testid={testId}
    >
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <Table<ReturnItemView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        pagination={false}
        scroll={{ x: scrollX }}
        style={{ marginBottom: 16 }}
      />
      {children}
      <Button
        type="primary"
        icon={submitIcon}
        loading={pending}
        onClick={() => form.submit()}
        data-testid={submitTestId}
      >
        {submitLabel}
      </Button>
    </Form>
  );
}
