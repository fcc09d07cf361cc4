import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ComplaintDetail } from '../../api/complaints.ts';
import { useCan } from '../../api/session.ts';
import { useT } from '../../i18n/context.ts';
import { isMessageKey } from '../../i18n/language-pack.ts';
import { OpenCapaModal } from './OpenCapaModal.tsx';

/** Another module's status word, in its own wording when its messages have one. */
function useStatusText() {
  const t = useT();
  return (domain: 'capas' | 'returns', status: string) => {
    const key = `${domain}.status.${status}`;
    return isMessageKey(key) ? t(key) : status;
  };
}

/** 纠正与预防措施: the complaint's CAPA reports, and filing one from a valid complaint. */
export function CapaCard({ complaint }: { complaint: ComplaintDetail }) {
  const t = useT();
  const can = useCan();
  const statusText = useStatusText();
  const [opening, setOpening] = useState(false);
  const mayOpen = can('capa.manage') && complaint.validity === 'valid';
  return (
    <Card
      title={t('complaints.capa.card')}
      data-testid="complaint-capas"
      extra={
        mayOpen ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setOpening(true)}
            data-testid="complaint-open-capa"
          >
            {t('complaints.capa.open')}
          </Button>
        ) : null
      }
    >
      {complaint.capas.length === 0 ? (
        <Typography.Text type="secondary">
          {complaint.validity === 'valid' ? t('complaints.capa.none') : t('complaints.capa.onlyValid')}
        </Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {complaint.capas.map((c) => (
            <Flex
              key={c.id}
              gap={8}
              align="center"
              justify="space-between"
              data-testid={`complaint-capa-${c.id}`}
            >
              <span style={{ minWidth: 0 }}>
                {can('capa.read') ? (
                  <Link to={`/capas/${c.id}`} style={{ fontFamily: 'monospace' }}>
                    {c.number}
                  </Link>
                ) : (
                  <Typography.Text style={{ fontFamily: 'monospace' }}>{c.number}</Typography.Text>
                )}{' '}
                <Typography.Text type="secondary" ellipsis={{ tooltip: c.title }} style={{ maxWidth: 180 }}>
                  {c.title}
                </Typography.Text>
              </span>
              <Tag style={{ marginInlineEnd: 0 }} data-status={c.status}>
                {statusText('capas', c.status)}
              </Tag>
            </Flex>
          ))}
        </Flex>
      )}
      {mayOpen ? (
        <OpenCapaModal complaint={complaint} open={opening} onClose={() => setOpening(false)} />
      ) : null}
    </Card>
  );
}

/** 退货: the return notices filed for this complaint, and a link to file one. */
export function ReturnsCard({ complaint }: { complaint: ComplaintDetail }) {
  const t = useT();
  const can = useCan();
  const statusText = useStatusText();
  const navigate = useNavigate();
  return (
    <Card
      title={t('complaints.returns.card')}
      data-testid="complaint-returns"
      extra={
        can('return.manage') && complaint.stage !== 'closed' ? (
          <Tooltip title={t('complaints.returns.newHint')}>
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => void navigate(`/returns?new=1&complaintId=${complaint.id}`)}
              data-testid="complaint-new-return"
            >
              {t('complaints.returns.new')}
            </Button>
          </Tooltip>
        ) : null
      }
    >
      {complaint.returns.length === 0 ? (
        <Typography.Text type="secondary">{t('complaints.returns.none')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {complaint.returns.map((r) => (
            <Flex
              key={r.id}
              gap={8}
              align="center"
              justify="space-between"
              data-testid={`complaint-return-${r.id}`}
            >
              {can('return.read') ? (
                <Link to={`/returns/${r.id}`} style={{ fontFamily: 'monospace' }}>
                  {r.number}
                </Link>
              ) : (
                <Typography.Text style={{ fontFamily: 'monospace' }}>{r.number}</Typography.Text>
              )}
              <Tag style={{ marginInlineEnd: 0 }} data-status={r.status}>
                {statusText('returns', r.status)}
              </Tag>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
