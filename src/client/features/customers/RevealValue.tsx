import { EyeOutlined, SafetyOutlined } from '@ant-design/icons';
import { Button, Flex, Tooltip, Typography } from 'antd';
import { useReveal } from '../../api/customers.ts';
import { useCan } from '../../api/session.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';

export type RevealField = 'bankAccount' | 'idNumber';
export type Revealed = Partial<Record<RevealField, string | null>>;

/**
 * A bank account or ID number as served (**** 1234) and, for customer.view_sensitive, a button that asks
 * the server for the full number. The server records each reveal; the note says so.
 */
export function RevealValue({
  customerId,
  field,
  masked,
  revealed,
  onRevealed,
  disabled,
}: {
  customerId: number;
  field: RevealField;
  masked: string | null;
  revealed: Revealed;
  onRevealed: (field: RevealField, value: string | null) => void;
  disabled?: boolean;
}) {
  const t = useT();
  const can = useCan();
  const reveal = useReveal(customerId);
  const notifyError = useNotifyError();
  if (!masked) return <Typography.Text type="secondary">{t('customers.reveal.empty')}</Typography.Text>;
  if (field in revealed) {
    return (
      <Flex gap={6} align="center" wrap data-testid={`customer-revealed-${field}`}>
        <Typography.Text copyable strong style={{ fontFamily: 'monospace' }}>
          {revealed[field] ?? ''}
        </Typography.Text>
        <Tooltip title={t('customers.reveal.noteLong')}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <SafetyOutlined /> {t('customers.reveal.note')}
          </Typography.Text>
        </Tooltip>
      </Flex>
    );
  }
  return (
    <Flex gap={6} align="center">
      <Typography.Text style={{ fontFamily: 'monospace' }}>{masked}</Typography.Text>
      {can('customer.view_sensitive') && !disabled ? (
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined />}
          loading={reveal.isPending}
          onClick={() =>
            reveal.mutate(field, {
              onSuccess: (answer) => onRevealed(field, answer.value),
              onError: notifyError,
            })
          }
          data-testid={`customer-reveal-${field}`}
        >
          {t('customers.reveal.show')}
        </Button>
      ) : null}
    </Flex>
  );
}
