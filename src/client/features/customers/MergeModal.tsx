import { MergeCellsOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Flex, Modal, Result, Select, Typography } from 'antd';
import { useState } from 'react';
import { type CustomerDetail, useCustomerSearch, useMergeCustomer } from '../../api/customers.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { useDebounced } from '../../components/hooks.ts';
import { useT } from '../../i18n/context.ts';
import { isMessageKey } from '../../i18n/language-pack.ts';

/** 合并重复客户: pick the duplicate, confirm, and see which records moved over to this customer. */
export function MergeModal({
  customer,
  open,
  onClose,
}: {
  customer: CustomerDetail;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { modal } = App.useApp();
  const notifyError = useNotifyError();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 300);
  const search = useCustomerSearch(q, open);
  const merge = useMergeCustomer(customer.id);
  const [sourceId, setSourceId] = useState<number | null>(null);
  const [moved, setMoved] = useState<Record<string, number> | null>(null);
  const options = (search.data?.items ?? [])
    .filter((c) => c.id !== customer.id)
    .map((c) => ({ value: c.id, label: `${c.code} · ${c.name}`, name: c.name }));
  const source = options.find((o) => o.value === sourceId);

  const close = () => {
    setSourceId(null);
    setMoved(null);
    setTyped('');
    onClose();
  };
  const confirm = () => {
    if (!source) return;
    modal.confirm({
      title: t('customers.merge.confirm', { source: source.name, target: customer.name }),
      content: t('customers.merge.irreversible'),
      okText: t('customers.merge.ok'),
      okButtonProps: { danger: true },
      onOk: () =>
        merge
          .mutateAsync(source.value)
          .then((answer) => setMoved(answer.moved))
          .catch(notifyError),
    });
  };

  return (
    <Modal
      open={open}
      title={t('customers.merge.title')}
      onCancel={close}
      destroyOnHidden
      footer={
        moved ? (
          <Button type="primary" onClick={close}>
            {t('common.close')}
          </Button>
        ) : (
          <Flex justify="flex-end" gap={8}>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              danger
              icon={<MergeCellsOutlined />}
              disabled={!source}
              loading={merge.isPending}
              onClick={confirm}
              data-testid="customer-merge-submit"
            >
              {t('customers.merge.ok')}
            </Button>
          </Flex>
        )
      }
    >
      {moved ? (
        <Result
          status="success"
          title={t('customers.merge.done')}
          data-testid="customer-merge-result"
          extra={
            <Descriptions
              size="small"
              column={1}
              bordered
              items={Object.entries(moved).map(([table, n]) => {
                const key = `customers.merge.moved.${table}`;
                return { key: table, label: isMessageKey(key) ? t(key) : table, children: n };
              })}
            />
          }
        />
      ) : (
        <>
          <Typography.Paragraph>{t('customers.merge.text', { target: customer.name })}</Typography.Paragraph>
          <Select<number>
            showSearch={{ filterOption: false, onSearch: setTyped }}
            value={sourceId ?? undefined}
            onChange={(id) => setSourceId(id)}
            placeholder={t('customers.merge.pick')}
            loading={search.isFetching}
            options={options}
            style={{ width: '100%' }}
            notFoundContent={t('customers.merge.noMatch')}
            data-testid="customer-merge-pick"
          />
        </>
      )}
    </Modal>
  );
}
