import { ExportOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Lifecycle } from '../../../shared/schemas/customers.ts';
import { LIFECYCLES } from '../../../shared/schemas/customers.ts';
import type { DuplicateCandidate } from '../../api/customers.ts';
import { useT } from '../../i18n/context.ts';
import { LifecycleTag } from './labels.tsx';

const MATCHES = ['name', 'similar_name', 'tax_id', 'phone', 'email'] as const;
const isLifecycle = (v: string): v is Lifecycle => (LIFECYCLES as readonly string[]).includes(v);

/** One possible duplicate: a link that opens it beside the form, and what matched. */
function Candidate({ candidate }: { candidate: DuplicateCandidate }) {
  const t = useT();
  return (
    <Flex gap={6} align="center" wrap data-testid={`duplicate-${candidate.id}`}>
      <Link to={`/customers/${candidate.id}`} target="_blank" rel="noopener">
        <Typography.Text style={{ fontFamily: 'monospace' }}>{candidate.code}</Typography.Text>{' '}
        {candidate.name} <ExportOutlined style={{ fontSize: 11 }} />
      </Link>
      {isLifecycle(candidate.lifecycle) ? <LifecycleTag value={candidate.lifecycle} /> : null}
      {candidate.matchedOn.map((m) =>
        (MATCHES as readonly string[]).includes(m) ? (
          <Tag key={m} color="orange" variant="outlined">
            {t(`customers.dup.matched.${m as (typeof MATCHES)[number]}`)}
          </Tag>
        ) : null,
      )}
    </Flex>
  );
}

/** Shown under the name while the user types: customers that may already be this one. */
export function DuplicateHint({ candidates }: { candidates: DuplicateCandidate[] }) {
  const t = useT();
  if (candidates.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 8 }}
      data-testid="duplicate-warning"
      title={t('customers.dup.warning')}
      description={
        <Flex vertical gap={4}>
          {candidates.slice(0, 5).map((c) => (
            <Candidate key={c.id} candidate={c} />
          ))}
        </Flex>
      }
    />
  );
}

/** The server's 409: possible duplicates, with "back to the form" or "create it anyway". */
export function DuplicateDialog({
  candidates,
  creating,
  onBack,
  onCreateAnyway,
}: {
  candidates: DuplicateCandidate[] | null;
  creating: boolean;
  onBack: () => void;
  onCreateAnyway: () => void;
}) {
  const t = useT();
  return (
    <Modal
      open={candidates !== null}
      title={
        <Flex gap={8} align="center">
          <WarningOutlined style={{ color: '#faad14' }} />
          {t('customers.dup.title')}
        </Flex>
      }
      onCancel={onBack}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onBack} data-testid="duplicate-back">
            {t('customers.dup.back')}
          </Button>
          <Button danger loading={creating} onClick={onCreateAnyway} data-testid="duplicate-create-anyway">
            {t('customers.dup.createAnyway')}
          </Button>
        </Flex>
      }
    >
      <div data-testid="duplicate-dialog">
        <Typography.Paragraph type="secondary">{t('customers.dup.text')}</Typography.Paragraph>
        <Flex vertical style={{ border: '1px solid #f0f0f0', borderRadius: 8 }}>
          {(candidates ?? []).map((c, i) => (
            <div
              key={c.id}
              style={{ padding: '8px 12px', borderTop: i > 0 ? '1px solid #f0f0f0' : undefined }}
            >
              <Candidate candidate={c} />
            </div>
          ))}
        </Flex>
      </div>
    </Modal>
  );
}
